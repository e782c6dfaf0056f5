package io.logriver.logic.window;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small binary writers and readers for checkpoint entries: fixed-width numbers and UTF strings, in order. */
public final class StateCodec {
    private StateCodec() {
    }

    /** Writes fields in order. */
    public static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        private final DataOutputStream out = new DataOutputStream(bytes);

        public Writer longs(long... values) {
            try {
                for (long v : values) {
                    out.writeLong(v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Writer strings(String... values) {
            try {
                for (String v : values) {
                    out.writeUTF(v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Writer bytes(byte[] value) {
            try {
                out.writeInt(value.length);
                out.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public byte[] done() {
            return bytes.toByteArray();
        }
    }

    /** Reads fields in the order they were written; a short or malformed entry throws IllegalArgumentException. */
    public static final class Reader {
        private final DataInputStream in;

        public Reader(byte[] value) {
            this.in = new DataInputStream(new ByteArrayInputStream(value));
        }

        public long readLong() {
            try {
                return in.readLong();
            } catch (IOException e) {
                throw new IllegalArgumentException("checkpoint entry cut short", e);
            }
        }

        public String readString() {
            try {
                return in.readUTF();
            } catch (IOException e) {
                throw new IllegalArgumentException("checkpoint entry cut short", e);
            }
        }

        public byte[] readBytes() {
            try {
                int n = in.readInt();
                if (n < 0 || n > in.available()) {
                    throw new IllegalArgumentException("checkpoint entry: " + n + " bytes announced");
                }
                return in.readNBytes(n);
            } catch (IOException e) {
                throw new IllegalArgumentException("checkpoint entry cut short", e);
            }
        }
    }
}
