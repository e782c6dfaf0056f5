package io.logriver.peers.flink;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * How a Flink peer in a JVM of its own reports its latency probe to the JVM that started it: one line on standard
 * output, {@code probe APPLIED IN_TOPOLOGY END_TO_END}, the two interval histograms compressed in Base64.
 */
record ProbeLine(long applied, Histogram inTopology, Histogram endToEnd) {
    static final String PREFIX = "probe ";

    String encode() {
        return PREFIX + applied + " " + text(inTopology) + " " + text(endToEnd);
    }

    /** The report in {@code line}, or null when it is not one. */
    static ProbeLine decode(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String[] f = line.substring(PREFIX.length()).split(" ");
        try {
            return new ProbeLine(Long.parseLong(f[0]), histogram(f[1]), histogram(f[2]));
        } catch (RuntimeException | DataFormatException e) {
            throw new IllegalStateException("not a probe report: " + line, e);
        }
    }

    private static String text(Histogram h) {
        ByteBuffer b = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(b);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(b.array(), n));
    }

    private static Histogram histogram(String text) throws DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
    }
}
