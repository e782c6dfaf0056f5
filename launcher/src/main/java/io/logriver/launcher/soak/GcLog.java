package io.logriver.launcher.soak;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap after a collection, read from a JVM's unified GC log ({@code -Xlog:gc*}): lines such as
 * {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(768M) 3.2ms}. The heap after a full collection
 * ({@code Pause Full}) is the live set; after any other pause it is the live set and whatever garbage G1 left for later.
 */
final class GcLog {
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause (.*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)[KMG]\\)");
    private static final int TAIL = 64 * 1024;

    private GcLog() {
    }

    /** The heap after the latest full collection that {@code text} logs (the live set then), in bytes. */
    static OptionalLong liveHeap(String text) {
        Matcher m = PAUSE.matcher(text);
        long last = -1;
        while (m.find()) {
            if (m.group(1).startsWith("Full")) {
                last = Long.parseLong(m.group(4)) * unit(m.group(5));
            }
        }
        return last < 0 ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /** As {@link #liveHeap(String)}, from the last 64 KiB of a log file. */
    static OptionalLong liveHeap(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, f.length() - TAIL);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            return liveHeap(new String(tail, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static long unit(String u) {
        return switch (u) {
            case "K" -> 1L << 10;
            case "G" -> 1L << 30;
            default -> 1L << 20;
        };
    }
}
