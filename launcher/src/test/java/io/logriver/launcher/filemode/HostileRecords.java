package io.logriver.launcher.filemode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Hostile request records, each with the reason the pipeline must give it: every invalid reason, sizes around every
 * limit (64 KiB, 1 MiB and the broker's maximum), deep nesting, invalid UTF-8, NUL bytes, numbers out of range, and
 * far-future and far-past times. The same seed gives the same records, except that the times "a day or two from now"
 * follow the clock.
 */
final class HostileRecords {
    /** A record as bytes (never holding a line end), the dead-letter reason it must get, and what kind it is. */
    record Hostile(byte[] line, String reason, String kind) {
    }

    static final List<String> INVALID_REASONS = List.of("not-json", "not-object", "too-large", "too-deep",
            "missing-field:timestamp", "missing-field:webURL", "missing-field:sessionID",
            "missing-field:durationMillis",
            "malformed-field:timestamp", "malformed-field:startMillis", "malformed-field:webURL",
            "malformed-field:sessionID", "malformed-field:durationMillis", "malformed-field:level", "future-time");

    private final Random r;
    private final long t0;

    private HostileRecords(long seed, long t0) {
        this.r = new Random(seed);
        this.t0 = t0;
    }

    /**
     * The records at the limits, then {@code n} drawn at random from every kind.
     *
     * @param t0 a time within the clean data set, for the records whose time is not the damage
     */
    static List<Hostile> generate(long seed, int n, int brokerMaxMessageBytes, long t0) {
        HostileRecords g = new HostileRecords(seed, t0);
        List<Hostile> out = new ArrayList<>(g.atTheLimits(brokerMaxMessageBytes));
        List<Function<HostileRecords, Hostile>> kinds = List.of(HostileRecords::garbage, HostileRecords::truncated,
                HostileRecords::nulByte, HostileRecords::invalidUtf8, HostileRecords::trailingJunk,
                HostileRecords::hugeNumber, HostileRecords::notAnObject, HostileRecords::tooDeep,
                HostileRecords::missingField, HostileRecords::malformedTimestamp, HostileRecords::malformedStartMillis,
                HostileRecords::malformedString, HostileRecords::malformedDuration, HostileRecords::malformedLevel,
                HostileRecords::futureTime);
        for (int i = 0; i < n; i++) {
            out.add(kinds.get(g.r.nextInt(kinds.size())).apply(g));
        }
        return out;
    }

    // ---- sizes and nesting at the limits

    private List<Hostile> atTheLimits(int brokerMax) {
        List<Hostile> out = new ArrayList<>();
        // no time: a record that is not too large says missing-field:timestamp
        for (int size : new int[] {65_535, 65_536}) {
            out.add(new Hostile(padded(size), "missing-field:timestamp", "size " + size));
        }
        for (int size : new int[] {65_537, 1_048_575, 1_048_576, 1_048_577, brokerMax - 200}) {
            out.add(new Hostile(padded(size), "too-large", "size " + size));
        }
        out.add(new Hostile(ascii("{\"timestamp\":" + t0 + ",\"webURL\":\"/a\",\"durationMillis\":1,\"d\":"
                + nested(31) + "}"), "missing-field:sessionID", "depth 32"));
        out.add(new Hostile(ascii(withExtra(nested(32))), "too-deep", "depth 33"));
        out.add(new Hostile(ascii(withExtra(nested(32_000))), "too-deep", "depth 32001"));
        out.add(new Hostile(ascii(withExtra(nested(200_000))), "too-large", "depth 200001"));
        out.add(new Hostile(ascii(nested(1_000)), "not-object", "depth 1000 at the top"));
        return out;
    }

    /** A record without a time of exactly {@code size} bytes. */
    private static byte[] padded(int size) {
        String head = "{\"webURL\":\"/app/x\",\"sessionID\":\"s1\",\"durationMillis\":5,\"pad\":\"";
        return ascii(head + "x".repeat(size - head.length() - 2) + "\"}");
    }

    /** {@code depth} arrays, one in the other. */
    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    // ---- damaged text

    private Hostile garbage() {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789 {}[]:,\"'\\/.-+=!?#@$%^&*()<>|~`";
        StringBuilder sb = new StringBuilder("X");
        for (int i = r.nextInt(200); i > 0; i--) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return new Hostile(ascii(sb.toString()), "not-json", "garbage");
    }

    private Hostile truncated() {
        String v = valid();
        return new Hostile(ascii(v.substring(0, 1 + r.nextInt(v.length() - 1))), "not-json", "truncated");
    }

    private Hostile nulByte() {
        String v = valid();
        if (r.nextBoolean()) { // inside a string
            return new Hostile(splice(v, v.indexOf("/app/x") + 2, new byte[] {0}), "not-json", "NUL in a string");
        }
        return new Hostile(splice(v, v.indexOf(",\"webURL\"") + 1, new byte[] {0}), "not-json", "NUL between members");
    }

    private Hostile invalidUtf8() {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80,
            (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        String v = r.nextBoolean() ? valid() : withExtra("\"caf_e\"").replace("_", "");
        int at = v.contains("caf") ? v.indexOf("caf") + 3 : v.indexOf("/app/x") + 4;
        return new Hostile(splice(v, at, bad[r.nextInt(bad.length)]), "not-json", "invalid UTF-8");
    }

    private Hostile trailingJunk() {
        String[] junk = {" x", "{}", "}", ",", " 1", "[]"};
        return new Hostile(ascii(valid() + junk[r.nextInt(junk.length)]), "not-json", "junk after the object");
    }

    /** A number longer than the JSON reader takes (1,000 digits), anywhere in the record. */
    private Hostile hugeNumber() {
        return new Hostile(ascii(withExtra("9".repeat(1_001 + r.nextInt(3_000)))), "not-json", "huge number");
    }

    private Hostile notAnObject() {
        String[] values = {"[]", "[1,2,3]", "\"str\"", "123", "-5.5e3", "null", "true", "false", "[" + valid() + "]"};
        return new Hostile(ascii(values[r.nextInt(values.length)]), "not-object", "not an object");
    }

    private Hostile tooDeep() {
        int depth = 32 + r.nextInt(2_000);
        String deep = nested(depth);
        String v = r.nextBoolean() ? withExtra(deep) : valid().replace("\"/app/x\"", deep);
        return new Hostile(ascii(v), "too-deep", "nesting " + (depth + 1));
    }

    // ---- fields

    private Hostile missingField() {
        String[] fields = {"timestamp", "webURL", "sessionID", "durationMillis"};
        String f = fields[r.nextInt(fields.length)];
        boolean asNull = r.nextBoolean();
        String v = switch (f) {
            case "timestamp" -> record(asNull ? "\"timestamp\":null,\"startMillis\":null" : null, url(), sid(), dur());
            case "webURL" -> record(ts(), asNull ? "\"webURL\":null" : null, sid(), dur());
            case "sessionID" -> record(ts(), url(), asNull ? "\"sessionID\":null" : null, dur());
            default -> record(ts(), url(), sid(), asNull ? "\"durationMillis\":null" : null);
        };
        return new Hostile(ascii(v), "missing-field:" + f, "missing " + f);
    }

    /** Impossible dates, times before 1970 (far past), years that overflow, numbers out of range, other types. */
    private Hostile malformedTimestamp() {
        String[] values = {"\"yesterday\"", "\"2017-02-30T10:00:00Z\"", "\"1969-07-20T20:17:40Z\"",
            "\"0001-01-01T00:00:00Z\"", "\"1900-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"", "-1",
            "-62135596800000", "1.5", "true", "{}", "[]", "\"+1000\"", "99999999999999999999", "9223372036854775808",
            "1e400", "\"\""};
        return field("\"timestamp\":" + values[r.nextInt(values.length)], url(), sid(), dur(), "timestamp");
    }

    private Hostile malformedStartMillis() {
        String[] values = {"\"2017-06-03T18:43:35Z\"", "-5", "1e20", "18446744073709551616", "\"abc\"", "\"\"",
            "false", "\"-1000\""};
        return field("\"startMillis\":" + values[r.nextInt(values.length)], url(), sid(), dur(), "startMillis");
    }

    private Hostile malformedString() {
        String[] values = {"\"\"", "5", "{}", "[]", "true", "1.5"};
        String bad = values[r.nextInt(values.length)];
        if (r.nextBoolean()) { // a good value first, a bad one later: the last one counts
            return field(ts(), url() + ",\"webURL\":" + bad, sid(), dur(), "webURL");
        }
        return field(ts(), url(), "\"sessionID\":" + bad, dur(), "sessionID");
    }

    private Hostile malformedDuration() {
        String[] values = {"-1", "86400001", "1.5", "\"abc\"", "9223372036854775808", "1e400",
            "\"99999999999999999999\"", "\"-3\"", "[]", "-9223372036854775808"};
        return field(ts(), url(), sid(), "\"durationMillis\":" + values[r.nextInt(values.length)], "durationMillis");
    }

    private Hostile malformedLevel() {
        String[] values = {"5", "{}", "true", "[\"ERROR\"]", "1.5"};
        return field(ts(), url(), sid(), dur() + ",\"level\":" + values[r.nextInt(values.length)], "level");
    }

    /** Far future, and the near future of a clock a day or two fast. */
    private Hostile futureTime() {
        long soon = System.currentTimeMillis() + 86_400_000L * (1 + r.nextInt(2)) + r.nextInt(3_600_000);
        String[] times = {"\"timestamp\":\"+99999999-01-01T00:00:00Z\"", "\"timestamp\":\"3000-01-01T00:00:00Z\"",
            "\"timestamp\":\"9999-12-31T23:59:59.999Z\"", "\"timestamp\":\"" + Instant.ofEpochMilli(soon) + "\"",
            "\"timestamp\":9223372036854775807", "\"startMillis\":\"4102444800000\"", "\"timestamp\":\"" + soon + "\""};
        return new Hostile(ascii(record(times[r.nextInt(times.length)], url(), sid(), dur())), "future-time",
                "future time");
    }

    private Hostile field(String time, String url, String sid, String dur, String name) {
        return new Hostile(ascii(record(time, url, sid, dur)), "malformed-field:" + name, "malformed " + name);
    }

    // ---- building blocks

    private String valid() {
        return record(ts(), url(), sid(), dur());
    }

    private String withExtra(String value) {
        return valid().replace("}", "") + ",\"extra\":" + value + "}";
    }

    private String ts() {
        return "\"timestamp\":" + (t0 + r.nextInt(60_000));
    }

    private static String url() {
        return "\"webURL\":\"/app/x\"";
    }

    private static String sid() {
        return "\"sessionID\":\"s1\"";
    }

    private String dur() {
        return "\"durationMillis\":" + r.nextInt(1000);
    }

    /** An object of the members given (null: left out), in a random order. */
    private String record(String... members) {
        List<String> present = new ArrayList<>();
        for (String m : members) {
            if (m != null) {
                present.add(m);
            }
        }
        java.util.Collections.shuffle(present, r);
        return "{" + String.join(",", present) + "}";
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(String text, int at, byte[] inserted) {
        byte[] b = ascii(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + inserted.length);
        out.write(b, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }
}
