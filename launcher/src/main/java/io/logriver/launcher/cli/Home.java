package io.logriver.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where logriver is installed (the checkout: {@code -Dlogriver.home}, set by bin/logriver) and where it keeps its data. */
public final class Home {
    private Home() {
    }

    public static Path dir() {
        String home = System.getProperty("logriver.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    /** The Maven-resolved class path of the Kafka broker, written by the kafka-broker module's build. */
    public static Path brokerClasspathFile() {
        return dir().resolve("kafka-broker/target/classpath.txt");
    }

    /** The broker's class path: its Maven-resolved jars and logriver's BrokerMain. */
    public static String brokerClasspath() {
        Path f = brokerClasspathFile();
        try {
            return dir().resolve("kafka-broker/target/classes") + java.io.File.pathSeparator + Files.readString(f).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + f + ": build first (mvn -q package -DskipTests)", e);
        }
    }
}
