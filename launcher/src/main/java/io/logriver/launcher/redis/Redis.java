package io.logriver.launcher.redis;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Redis server a command uses for the topologies' state: none with {@code logriver.state.backend: memory}; the one
 * already answering at {@code logriver.redis.url}; or (on loopback only) one this command starts and, on close, stops.
 */
public final class Redis implements AutoCloseable {
    private final RedisServer started;

    private Redis(RedisServer started) {
        this.started = started;
    }

    public static Redis ensure(LogriverConfig c, Path workDir, Progress progress) throws IOException, InterruptedException {
        if (!c.state().durable()) {
            progress.say(LogriverConfig.STATE_BACKEND + "=memory: state lives in the workers' memory, and a worker "
                    + "that dies loses its open windows");
            return new Redis(null);
        }
        String address = c.state().redisAddress();
        if (RedisAddress.answers(address, Duration.ofSeconds(2))) {
            progress.say("using the Redis server already running at " + address);
            return new Redis(null);
        }
        String host = c.state().redisHost();
        if (!host.equals(RedisAddress.LOOPBACK) && !host.equals("localhost")) {
            throw new IOException(LogriverConfig.REDIS_URL + "=redis://" + address + ": no Redis answers there "
                    + "(logriver starts its own Redis only on 127.0.0.1)");
        }
        try {
            return new Redis(RedisServer.start(workDir.resolve("redis"), c.state().redisPort(), progress));
        } catch (IOException e) {
            throw new IOException(LogriverConfig.REDIS_URL + "=redis://" + address + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
