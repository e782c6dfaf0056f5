package io.logriver.peers;

import io.logriver.testing.Reference;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A data set on which logriver and both peers must agree, written with its facts known, and the window records
 * logriver's specification gives for it, computed from those facts with none of the production classes. It keeps clear
 * of where the engines differ (peers/README.md): every session record comes before the first request, and requests
 * come in order with at most 3 s of disorder, less than the 5 s of lateness, so none is late under any engine's rule.
 * It has invalid records of many kinds, filtered ones, join misses, session updates, errors and query strings.
 */
final class PeerDataSet {
    /** One planned request line; {@code invalidReason} is null for a valid line. */
    record Planned(String line, String invalidReason, long eventTime, String url, String sessionID, long duration,
                   String level, int status) {
    }

    /** A session record and its Kafka key (the sessionID, or a made-up key for an invalid one). */
    record SessionLine(String key, String line) {
    }

    static final long T0 = Instant.parse("2017-06-03T18:40:00Z").toEpochMilli();
    private static final String[] URLS = {"/app/page/analyze", "/app/api/chart", "/app/page/home", "/app/api/search",
        "/app/page/report"};

    final List<SessionLine> sessions = new ArrayList<>();
    final List<Planned> requests = new ArrayList<>();
    private final Map<String, String> orgOf = new HashMap<>();
    private long maxEventTime = Long.MIN_VALUE;

    static PeerDataSet generate(long seed, int n) {
        PeerDataSet d = new PeerDataSet();
        Random r = new Random(seed);
        for (int s = 0; s < 30; s++) {
            d.session("s" + s, "u" + s, "org-" + (s % 5));
        }
        for (int s = 0; s < 4; s++) {
            d.session("s" + s, "u" + s, "org-moved-" + s); // updates: the latest record wins
        }
        d.sessions.add(new SessionLine("bad-1", "{\"sessionID\":\"s97\",\"userID\":\"\",\"orgID\":\"org-1\"}"));
        d.sessions.add(new SessionLine("bad-2", "NOT A SESSION"));
        d.sessions.add(new SessionLine("bad-3", "{\"sessionID\":\"s98\",\"userID\":\"u\"}"));
        for (int i = 0; i < n; i++) {
            long t = T0 + i * 40L + r.nextInt(3001) - 1500;
            int kind = r.nextInt(100);
            d.requests.add(kind < 3 ? invalid(r, t) : d.valid(r, t, kind));
        }
        return d;
    }

    private void session(String id, String user, String org) {
        sessions.add(new SessionLine(id, "{\"sessionID\":\"" + id + "\",\"userID\":\"" + user + "\",\"orgID\":\""
                + org + "\",\"timestamp\":\"2017-06-03T18:39:00Z\"}"));
        orgOf.put(id, org);
    }

    private Planned valid(Random r, long t, int kind) {
        maxEventTime = Math.max(maxEventTime, t);
        String session = kind < 6 ? "ghost-" + r.nextInt(4) : "s" + r.nextInt(30);
        String url = kind == 6 ? "/static/app.js" : kind == 7 ? "/health" : URLS[Math.min(r.nextInt(7), 4)];
        String level = kind == 8 ? "DEBUG" : kind == 9 ? "trace" : kind == 10 ? "error" : "INFO";
        int status = r.nextInt(30) == 0 ? 503 : r.nextInt(15) == 0 ? 404 : 200;
        long duration = r.nextInt(40) == 0 ? 2048 + r.nextInt(90_000) : (long) Math.exp(3 + r.nextGaussian());
        String query = r.nextInt(4) == 0 ? "?id=" + r.nextInt(9) : "";
        String time = switch (r.nextInt(5)) {
            case 0 -> "\"timestamp\":\"" + Instant.ofEpochMilli(t) + "\"";
            case 1 -> "\"timestamp\":\"" + Instant.ofEpochMilli(t).atOffset(ZoneOffset.ofHours(2)).toLocalDateTime()
                    + "+02:00\"";
            case 2 -> "\"timestamp\":" + t;
            case 3 -> "\"startMillis\":\"" + t + "\"";
            default -> "\"timestamp\":null,\"startMillis\":" + t;
        };
        String line = "{" + time + ",\"method\":\"GET\",\"webURL\":\"" + url + query + "\",\"sessionID\":\"" + session
                + "\",\"durationMillis\":" + (r.nextBoolean() ? "\"" + duration + "\"" : duration) + ",\"status\":"
                + status + (level.equals("INFO") && r.nextBoolean() ? "" : ",\"level\":\"" + level + "\"")
                + ",\"extra\":{\"nested\":[1,{\"a\":true}]}}";
        return new Planned(line, null, t, url, session, duration, level, status);
    }

    private static Planned invalid(Random r, long t) {
        String ok = "\"timestamp\":" + t + ",\"webURL\":\"/app/x\",\"sessionID\":\"s1\"";
        String[][] kinds = {
            {"THIS IS A PARSE ERROR", "not-json"},
            {"[1,2,3]", "not-object"},
            {"{" + ok + ",\"durationMillis\":\"-5\"}", "malformed-field:durationMillis"},
            {"{\"timestamp\":" + t + ",\"sessionID\":\"s1\",\"durationMillis\":1}", "missing-field:webURL"},
            {"{\"timestamp\":\"yesterday\",\"webURL\":\"/a\",\"sessionID\":\"s1\",\"durationMillis\":1}",
                "malformed-field:timestamp"},
            {"{" + ok + ",\"durationMillis\":1,\"pad\":\"" + "x".repeat(70_000) + "\"}", "too-large"},
            {"{" + ok + ",\"durationMillis\":1,\"deep\":" + "[".repeat(32) + "]".repeat(32) + "}", "too-deep"},
        };
        String[] k = kinds[r.nextInt(kinds.length)];
        return new Planned(k[0], k[1], 0, null, null, 0, null, 0);
    }

    /** A valid request far enough ahead that every engine closes every window of the data set once it has read it. */
    String closingRequest(long windowMs, long latenessMs) {
        long t = maxEventTime + 2 * windowMs + latenessMs;
        return "{\"timestamp\":" + t + ",\"webURL\":\"/app/closing\",\"sessionID\":\"s1\",\"durationMillis\":1}";
    }

    /** The number of valid requests logriver would find late: 0 by construction, checked by the test. */
    long lateByLogriversRule(long windowMs, long latenessMs) {
        long maxSeen = Long.MIN_VALUE;
        long late = 0;
        for (Planned p : requests) {
            if (p.invalidReason() == null && !filtered(p)) {
                long end = Math.floorDiv(p.eventTime(), windowMs) * windowMs + windowMs;
                late += maxSeen != Long.MIN_VALUE && end <= maxSeen - latenessMs ? 1 : 0;
                maxSeen = Math.max(maxSeen, p.eventTime());
            }
        }
        return late;
    }

    private static boolean filtered(Planned p) {
        String level = p.level().toUpperCase(Locale.ROOT);
        return level.equals("DEBUG") || level.equals("TRACE") || p.url().startsWith("/static/")
                || p.url().startsWith("/health");
    }

    /** Every window record of the data set, sorted by windowStart, orgID, webURL, as logriver writes them. */
    List<String> expectedWindows(long windowMs) {
        Map<String, List<long[]>> byKey = new TreeMap<>(); // "start|org|url" -> (duration, error)
        for (Planned p : requests) {
            if (p.invalidReason() != null || filtered(p)) {
                continue;
            }
            long start = Math.floorDiv(p.eventTime(), windowMs) * windowMs;
            String org = orgOf.getOrDefault(p.sessionID(), "unknown");
            boolean error = p.level().equalsIgnoreCase("ERROR") || p.status() >= 500;
            byKey.computeIfAbsent(start + "|" + org + "|" + p.url(), k -> new ArrayList<>())
                    .add(new long[] {p.duration(), error ? 1 : 0});
        }
        return Reference.windowRecords(byKey, windowMs);
    }
}
