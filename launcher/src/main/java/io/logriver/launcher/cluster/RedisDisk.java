package io.logriver.launcher.cluster;

import io.logriver.process.Processes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * Redis's data directory on a file system of its own (a tmpfs of {@value #SIZE}), so that the soak's {@code disk}
 * fault can fill it up without touching the machine's disks. Mounting takes root; without it {@link #mount} says so.
 */
public final class RedisDisk {
    static final String SIZE = "256m";
    private static final String SOURCE = "logriver-redis-disk";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RedisDisk() {
    }

    /** Mounts the file system on {@code dir} (created if missing). */
    public static void mount(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try {
            Processes.run(List.of("mount", "-t", "tmpfs", "-o", "size=" + SIZE + ",mode=0755", SOURCE, dir.toString()),
                    TIMEOUT);
        } catch (IOException failed) {
            throw new IllegalStateException("--faults disk: Redis's data needs a file system of its own to fill, and "
                    + "mounting a tmpfs on " + dir + " failed (it takes root): " + failed.getMessage());
        }
    }

    /** Unmounts it from {@code dir}, if it is mounted there. */
    public static void unmount(Path dir) throws IOException, InterruptedException {
        if (mounted(dir)) {
            Processes.run(List.of("umount", dir.toString()), TIMEOUT);
        }
    }

    /** Whether this file system is mounted on {@code dir}. */
    public static boolean mounted(Path dir) throws IOException {
        String target = dir.toAbsolutePath().normalize().toString();
        for (String line : Files.readAllLines(Path.of("/proc/mounts"), StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            if (f.length > 1 && f[0].equals(SOURCE) && f[1].equals(target)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes {@code filler} until the file system has no room left (its "No space left on device"); the bytes
     * written.
     */
    static long fill(Path filler) throws IOException {
        long written = 0;
        try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int chunk : new int[] {1 << 20, 4096, 1}) { // to the last page
                ByteBuffer b = ByteBuffer.allocate(chunk);
                try {
                    while (true) {
                        b.clear();
                        written += ch.write(b);
                    }
                } catch (IOException full) {
                    if (!String.valueOf(full.getMessage()).contains("No space left")) {
                        throw full;
                    }
                }
            }
        }
        return written;
    }

}
