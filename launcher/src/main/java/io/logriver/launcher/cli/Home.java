package io.logriver.launcher.cli;

import java.nio.file.Path;

/** Where logriver is installed (the checkout: {@code -Dlogriver.home}, set by bin/logriver) and where it keeps its data. */
public final class Home {
    private Home() {
    }

    public static Path dir() {
        String home = System.getProperty("logriver.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }
}
