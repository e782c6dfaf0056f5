package io.logriver.launcher.kafka;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of a JSON-lines file as bytes, exactly as written: a line ends at {@code \n} (a {@code \r} before it is
 * dropped), and nothing is decoded, so a line that is not UTF-8 reaches the pipeline as it is (and is dead-lettered
 * there) instead of stopping the reader. A line longer than the limit is refused with its number, before it is read
 * whole.
 */
final class JsonLines implements AutoCloseable {
    private final Path file;
    private final InputStream in;
    private final int maxLineBytes;
    private final String limitName;
    private byte[] buffer = new byte[8192];
    private long lineNo;

    /** @param limitName the limit in words, for the error that names a longer line: "N bytes, the most ..." */
    JsonLines(Path file, int maxLineBytes, String limitName) throws IOException {
        this.file = file;
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        this.maxLineBytes = maxLineBytes;
        this.limitName = limitName;
    }

    /** The next line (without its end), or null at the end of the file. */
    byte[] next() throws IOException {
        int n = 0;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        lineNo++;
        while (b >= 0 && b != '\n') {
            if (n == maxLineBytes + 1) { // room for a '\r' before the '\n'
                throw new IOException(file + " line " + lineNo + ": more than " + limitName);
            }
            if (n == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxLineBytes + 2L));
            }
            buffer[n++] = (byte) b;
            b = in.read();
        }
        if (n > 0 && buffer[n - 1] == '\r') {
            n--;
        }
        if (n > maxLineBytes) {
            throw new IOException(file + " line " + lineNo + ": " + String.format("%,d", n) + " bytes, more than "
                    + limitName);
        }
        return Arrays.copyOf(buffer, n);
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    long lineNo() {
        return lineNo;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
