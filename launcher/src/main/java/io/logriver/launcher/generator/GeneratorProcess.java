package io.logriver.launcher.generator;

import io.logriver.launcher.cli.Home;
import io.logriver.peers.PeerSettings;
import io.logriver.peers.host.ChildJvm;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The open-loop generator in a JVM of its own ({@link GeneratorMain}), so that its CPU, heap and collector are not
 * any engine's: what it sent, how many of those no window takes, and how far it fell behind, as it last reported
 * (at most {@link GeneratorMain#REPORT_MILLIS} ms ago).
 */
public final class GeneratorProcess implements AutoCloseable {
    private final ChildJvm jvm;
    private volatile long sent;
    private volatile long neverApplied;
    private volatile long failed;
    private volatile long maxBehindMillis;

    /**
     * Starts sending into the topics of {@code settings} at {@code rate} records/s, counting the requests logriver's
     * rules keep from any window when {@code countRejects}; its log goes under {@code workDir}.
     */
    public GeneratorProcess(PeerSettings settings, int rate, boolean countRejects, List<String> jvmOptions,
                            Path workDir) {
        Path file = workDir.resolve(settings.id() + "-generator.bin");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(settings);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        this.jvm = ChildJvm.start("generator " + settings.id(), ChildJvm.classpath("launcher"), jvmOptions,
                workDir.resolve(settings.id() + "-generator-logs"), Home.dir().resolve("resources/log4j2.xml").toString(),
                GeneratorMain.class.getName(), List.of(file.toString(), Integer.toString(rate),
                        Boolean.toString(countRejects)), this::report);
    }

    private boolean report(String line) {
        if (!line.startsWith(GeneratorMain.PREFIX)) {
            return false;
        }
        String[] f = line.substring(GeneratorMain.PREFIX.length()).split(" ");
        sent = Long.parseLong(f[0]);
        neverApplied = Long.parseLong(f[1]);
        failed = Long.parseLong(f[2]);
        maxBehindMillis = Long.parseLong(f[3]);
        return true;
    }

    /** Starts the furthest-behind figure from 0 again, and returns once the generator has. */
    public void resetMaxBehind() throws InterruptedException {
        String a = jvm.call("reset", Duration.ofSeconds(30));
        if (!a.equals("reset")) {
            throw new IllegalStateException("generator: unexpected answer " + a);
        }
        maxBehindMillis = 0;
    }

    /** Brings the counts up to this moment (they are otherwise as the generator last reported them). */
    public void refresh() throws InterruptedException {
        String a = jvm.call("now", Duration.ofSeconds(30));
        if (!a.equals("now")) {
            throw new IllegalStateException("generator: unexpected answer " + a);
        }
    }

    /** Request records sent. */
    public long sent() {
        return sent;
    }

    /** Requests sent that no window takes (counted only when asked to). */
    public long neverApplied() {
        return neverApplied;
    }

    /** Records Kafka did not take. */
    public long failed() {
        return failed;
    }

    /** The furthest behind its schedule it has been since its start or the last reset, ms. */
    public long maxBehindMillis() {
        return maxBehindMillis;
    }

    /** The CPU time its JVM has used so far. */
    public Duration cpuTime() {
        return jvm.cpuTime();
    }

    /** Stops it, and waits for its JVM to exit. */
    @Override
    public void close() {
        jvm.close();
    }
}
