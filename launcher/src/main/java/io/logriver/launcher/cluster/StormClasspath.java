package io.logriver.launcher.cluster;

import io.logriver.launcher.cli.Home;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The Maven-resolved class paths of Storm's daemons and workers, written by the storm-cluster module's build. */
public final class StormClasspath {
    private StormClasspath() {
    }

    /** ZooKeeper's, Nimbus's and the Supervisor's: storm-server and its dependencies, and our transport. */
    static String daemons() throws IOException {
        return read("classpath.txt") + java.io.File.pathSeparator + clusterJar();
    }

    /** What Storm's lib-worker/ holds: storm-client and its dependencies. */
    public static List<Path> worker() throws IOException {
        return Arrays.stream(read("worker-classpath.txt").split(java.io.File.pathSeparator)).map(Path::of).toList();
    }

    static Path clusterJar() throws IOException {
        Path jar = dir().resolve("logriver-storm-cluster.jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: build first (mvn -q install -DskipTests)");
        }
        return jar;
    }

    private static String read(String name) throws IOException {
        Path f = dir().resolve(name);
        if (!Files.exists(f)) {
            throw new IOException(f + " is missing: build first (mvn -q install -DskipTests)");
        }
        return Files.readString(f).trim();
    }

    private static Path dir() {
        return Home.dir().resolve("storm-cluster/target");
    }
}
