package io.logriver.logic.window;

import java.io.ByteArrayOutputStream;

/**
 * The binary form of {@link DurationStats} for state stores and tuple serialization: a format byte, then unsigned
 * varints (7 bits a byte, low bits first): errors, the number of distinct durations, then per duration its distance
 * from the previous one and its count. A window key whose requests took 300 different durations takes about 600
 * to 900 bytes, whatever the number of requests.
 */
final class DurationStatsCodec {
    static final int FORMAT = 1;

    /** Builds the decoded value. */
    interface Factory<T> {
        T make(long errors, int[] values, long[] counts);
    }

    private DurationStatsCodec() {
    }

    static byte[] encode(long errors, int[] values, long[] counts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + 3 * values.length);
        out.write(FORMAT);
        writeVar(out, errors);
        writeVar(out, values.length);
        int previous = 0;
        for (int i = 0; i < values.length; i++) {
            writeVar(out, values[i] - previous);
            writeVar(out, counts[i]);
            previous = values[i];
        }
        return out.toByteArray();
    }

    static <T> T decode(byte[] bytes, Factory<T> factory) {
        Reader in = new Reader(bytes);
        if (bytes.length == 0 || bytes[in.pos++] != FORMAT) {
            throw new IllegalArgumentException("not a DurationStats of format " + FORMAT);
        }
        long errors = in.var();
        long n = in.var();
        if (n > bytes.length) {
            throw new IllegalArgumentException("DurationStats: " + n + " durations cannot fit " + bytes.length + " bytes");
        }
        int[] values = new int[(int) n];
        long[] counts = new long[(int) n];
        long value = 0;
        for (int i = 0; i < n; i++) {
            long delta = in.var();
            value += delta;
            if ((i > 0 && delta == 0) || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("DurationStats: durations not ascending at " + i);
            }
            values[i] = (int) value;
            counts[i] = in.var();
            if (counts[i] <= 0) {
                throw new IllegalArgumentException("DurationStats: count " + counts[i] + " at " + i);
            }
        }
        if (in.pos != bytes.length) {
            throw new IllegalArgumentException("DurationStats: " + (bytes.length - in.pos) + " bytes left over");
        }
        return factory.make(errors, values, counts);
    }

    private static void writeVar(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static final class Reader {
        private final byte[] bytes;
        private int pos;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long var() {
            long v = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                if (pos >= bytes.length) {
                    throw new IllegalArgumentException("DurationStats: cut short");
                }
                byte b = bytes[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("DurationStats: varint too long");
        }
    }
}
