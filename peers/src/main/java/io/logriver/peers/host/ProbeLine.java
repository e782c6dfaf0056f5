package io.logriver.peers.host;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * How a hosted engine reports to the JVM that started it: one line on standard output, {@code probe APPLIED FINISHED
 * IN_TOPOLOGY END_TO_END JOIN_WAITS}, counts since its job started and the histograms of the interval since the last
 * line, compressed in Base64.
 *
 * @param applied  requests applied to their windows since the job started
 * @param finished requests the job is done with (applied, filtered, invalid or late, as the engine counts them)
 */
record ProbeLine(long applied, long finished, Histogram inTopology, Histogram endToEnd, Histogram joinWaits) {
    static final String PREFIX = "probe ";

    String encode() {
        return PREFIX + applied + " " + finished + " " + text(inTopology) + " " + text(endToEnd) + " "
                + text(joinWaits);
    }

    /** The report in {@code line}, or null when it is not one. */
    static ProbeLine decode(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String[] f = line.substring(PREFIX.length()).split(" ");
        try {
            return new ProbeLine(Long.parseLong(f[0]), Long.parseLong(f[1]), histogram(f[2]), histogram(f[3]),
                    histogram(f[4]));
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
