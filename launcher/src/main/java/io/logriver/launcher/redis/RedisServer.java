package io.logriver.launcher.redis;

import io.logriver.process.Deadline;
import io.logriver.launcher.cli.Home;
import io.logriver.process.Processes;
import io.logriver.launcher.cli.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Redis server (6.2, the linux-amd64 binary that embedded-redis carries, unpacked by the redis-server module's
 * build) in a process of its own: bound to 127.0.0.1, append-only persistence with an fsync per write (a committed
 * checkpoint survives a crash of Redis itself), its data, log and pid file under one directory. Closing it stops it.
 */
public final class RedisServer implements AutoCloseable {
    static final String BINARY = "redis-server/target/redis/redis-server-6.2.6-v5-linux-amd64";

    private final Process process;
    private final int port;
    private final Path dir;

    private RedisServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts Redis on 127.0.0.1:{@code port}, data under {@code dir}; it ends when this JVM ends, however it ends. */
    public static RedisServer start(Path dir, int port, Progress progress) throws IOException, InterruptedException {
        return start(dir, port, progress, true);
    }

    /** As {@link #start}, for a server that outlives this process (the dev cluster's): stop it by its pid file. */
    public static RedisServer startDetached(Path dir, int port, Progress progress) throws IOException, InterruptedException {
        return start(dir, port, progress, false);
    }

    private static RedisServer start(Path dir, int port, Progress progress, boolean endsWithThisProcess)
            throws IOException, InterruptedException {
        Path binary = Home.dir().resolve(BINARY);
        if (!Files.isExecutable(binary)) {
            throw new IOException("no redis-server at " + binary + " (build with mvn -q install -DskipTests; on other "
                    + "machines than linux-amd64, start Redis yourself and set logriver.redis.url)");
        }
        Files.createDirectories(dir.resolve("data"));
        Path conf = dir.resolve("redis.conf");
        Files.writeString(conf, String.join("\n",
                "bind 127.0.0.1",
                "protected-mode yes",
                "port " + port,
                "daemonize no",
                "dir " + dir.resolve("data"),
                "appendonly yes",
                "appendfsync always",
                "save \"\"",
                "logfile " + dir.resolve("redis.log"),
                "pidfile " + dir.resolve("redis.pid"),
                // the configuration's path in the process title: the dev cluster recognises its own Redis by it
                "proc-title-template \"{title} {listen-addr} {config-file}\"",
                ""));
        String address = RedisAddress.LOOPBACK + ":" + port;
        progress.say("starting Redis 6.2 on " + address + " (append-only, data in " + dir.resolve("data") + ")");
        List<String> cmd = endsWithThisProcess
                ? List.of("bash", "-c", watchdog(), "redis-watchdog", binary.toString(), conf.toString(),
                        Long.toString(ProcessHandle.current().pid()))
                : List.of(binary.toString(), conf.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.out").toFile())).start();
        RedisServer server = new RedisServer(p, port, dir);
        boolean up = Deadline.await(Duration.ofSeconds(30), Duration.ofMillis(50), () -> {
            if (RedisAddress.answers(address, Duration.ofSeconds(1))) {
                return true;
            }
            if (!p.isAlive()) {
                throw new IOException("Redis on " + address + " exited with " + p.exitValue() + "; see "
                        + dir.resolve("redis.log"));
            }
            return false;
        });
        if (!up) {
            server.close();
            throw new IOException("Redis on " + address + " did not answer within 30 s; see " + dir.resolve("redis.log"));
        }
        return server;
    }

    /**
     * A shell that runs redis-server (which cannot watch its parent) and stops it when the process that started it
     * ends, or when the shell itself is told to stop. Arguments: binary, config, parent pid.
     */
    private static String watchdog() {
        return "\"$1\" \"$2\" & child=$!; trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT; "
                + "while kill -0 \"$3\" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; "
                + "kill $child 2>/dev/null; wait $child";
    }

    public String address() {
        return RedisAddress.LOOPBACK + ":" + port;
    }

    public Path dir() {
        return dir;
    }

    /** Stops Redis (SIGTERM: it writes what it holds and exits), then a kill if that takes longer than 20 s. */
    @Override
    public void close() {
        try {
            Processes.stop(process.toHandle(), Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(dir.resolve("redis.pid"));
        } catch (IOException ignored) {
            // only a hint for a person looking at the work directory
        }
    }
}
