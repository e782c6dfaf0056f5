package io.logriver.launcher.cluster;

import io.logriver.process.Deadline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The dev cluster's Storm UI: {@code bin/logriver ui} for the cluster's Nimbus, in a JVM of its own on this launcher's
 * class path, with its pid file beside the daemons' and its output in {@code logs/ui.out}.
 */
final class UiDaemon {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private UiDaemon() {
    }

    static void start(ClusterLayout layout, ClusterState state) throws IOException, InterruptedException {
        Files.createDirectories(layout.logs());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dlogriver.home=" + System.getProperty("logriver.home", "."),
                "-Dlogriver.logdir=" + layout.logs()));
        String log4j = System.getProperty("log4j2.configurationFile");
        if (log4j != null) {
            cmd.add("-Dlog4j2.configurationFile=" + log4j);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.logriver.launcher.Main", "ui",
                "--port", Integer.toString(state.ui()), "--nimbus", state.nimbusAddress(), "--host", ClusterState.HOST,
                "--work-dir", layout.dir().getParent().toString()));
        Process p = new ProcessBuilder(cmd).directory(layout.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(layout.logs().resolve(ClusterState.UI + ".out").toFile()).start();
        Files.writeString(layout.pidFile(ClusterState.UI), Long.toString(p.pid()));
        boolean up = Deadline.await(START_TIMEOUT, Duration.ofMillis(200), () -> {
            if (StormDaemons.answers(state.ui())) {
                return true;
            }
            if (!p.isAlive()) {
                throw new IOException("the Storm UI exited with " + p.exitValue() + " at start; see "
                        + layout.logs().resolve(ClusterState.UI + ".out"));
            }
            return false;
        });
        if (!up) {
            throw new IOException("the Storm UI did not listen on " + state.uiUrl() + " within "
                    + START_TIMEOUT.toSeconds() + " s; see " + layout.logs().resolve(ClusterState.UI + ".out"));
        }
    }
}
