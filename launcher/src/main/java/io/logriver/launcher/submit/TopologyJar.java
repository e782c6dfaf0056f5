package io.logriver.launcher.submit;

import io.logriver.launcher.cli.Home;
import io.logriver.launcher.cli.Json;
import io.logriver.launcher.cluster.StormClasspath;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shaded topology jar and the way {@code storm jar} runs its main class: a JVM with the worker class path (Storm's
 * client jars) and the jar, {@code -Dstorm.jar} naming the jar StormSubmitter uploads, {@code -Dstorm.options} the
 * Storm settings given on the command line ({@code nimbus.seeds}, {@code nimbus.thrift.port}).
 */
final class TopologyJar {
    static final String MAIN = "io.logriver.topology.LogriverTopology";

    private TopologyJar() {
    }

    static Path path() {
        return Home.dir().resolve("topology-jar/target/logriver.jar");
    }

    static Path built() throws IOException {
        Path jar = path();
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " has not been built: mvn -q package -DskipTests builds it");
        }
        return jar;
    }

    /** The command {@code storm jar logriver.jar MAIN args...} runs, with these Storm options. */
    static List<String> command(Path jar, Map<String, Object> stormOptions, List<String> mainArgs) throws IOException {
        List<String> options = new ArrayList<>();
        stormOptions.forEach((k, v) -> options.add(URLEncoder.encode(k + "=" + Json.write(v), StandardCharsets.UTF_8)));
        String classpath = String.join(File.pathSeparator,
                StormClasspath.worker().stream().map(Path::toString).toList()) + File.pathSeparator + jar;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dstorm.jar=" + jar, "-Dstorm.options=" + String.join(",", options),
                "-Dlog4j2.configurationFile=" + Home.dir().resolve("resources/log4j2.xml"),
                "-Dlogriver.logdir=" + System.getProperty("logriver.logdir", Home.dir().resolve("work/logs").toString()),
                "-cp", classpath, MAIN));
        cmd.addAll(mainArgs);
        return cmd;
    }
}
