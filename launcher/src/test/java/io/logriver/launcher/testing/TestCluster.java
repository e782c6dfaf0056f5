package io.logriver.launcher.testing;

import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cluster.ClusterCommand;
import io.logriver.launcher.cluster.ClusterLayout;
import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.cluster.DevCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dev cluster for one test class: {@code cluster up} on free ports, its work directory under target/; closing it
 * stops every process of the cluster, whatever the tests left running (also when {@code up} failed half-way).
 */
public final class TestCluster implements AutoCloseable {
    public final Path workDir;
    public final ClusterLayout layout;
    public final ClusterState state;

    private TestCluster(Path workDir, ClusterLayout layout, ClusterState state) {
        this.workDir = workDir;
        this.layout = layout;
        this.state = state;
    }

    /** Starts a cluster with {@code slots} worker slots in a new directory {@code target/PREFIX...}. */
    public static TestCluster up(String prefix, int slots) throws Exception {
        Path workDir = Files.createTempDirectory(Path.of("target"), prefix).toAbsolutePath();
        ClusterLayout layout = ClusterLayout.in(workDir);
        try {
            new ClusterCommand().run(List.of("up", "--ports", "free", "--slots", Integer.toString(slots),
                    "--work-dir", workDir.toString()));
            return new TestCluster(workDir, layout, ClusterState.load(layout));
        } catch (Exception | Error e) {
            new DevCluster(layout, Progress.quiet()).down();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        new DevCluster(layout, Progress.quiet()).down();
    }
}
