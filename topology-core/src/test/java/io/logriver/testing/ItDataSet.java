package io.logriver.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A data set for the integration tests, written with its facts known: for each request line, whether it is
 * valid and, if so, its event time, URL, session, duration, level and status. {@link Reference} computes the
 * expected output from these facts, without the production parser or aggregator.
 */
public final class ItDataSet {
    /** One planned request line; {@code invalidReason} is null for a valid line. */
    public record Planned(String line, String invalidReason, long eventTime, String url, String sessionID, long duration,
                   String level, int status) {
    }

    public final List<Planned> requests = new ArrayList<>();
    public final List<String> sessionLines = new ArrayList<>();
    /** Final (latest) orgID of each valid session. */
    public final java.util.Map<String, String> orgOf = new java.util.HashMap<>();
    public int invalidSessions;

    public static final long T0 = Instant.parse("2017-06-03T18:40:00Z").toEpochMilli();
    private static final String[] URLS = {"/app/page/analyze", "/app/api/chart", "/app/page/home", "/app/api/search",
        "/app/page/report"};

    /**
     * This data set's requests followed by {@code next}'s, with this one's sessions: every data set has the same
     * sessions. Request i stays at index i, so the partition a writer spreads it to (i mod partitions) is unchanged
     * when this data set's size is a multiple of the partition count.
     */
    public ItDataSet then(ItDataSet next) {
        List<Planned> both = new ArrayList<>(requests);
        both.addAll(next.requests);
        return withRequests(both);
    }

    /** The first {@code n} requests of this data set, with its sessions: what a reader has seen after n records. */
    public ItDataSet first(int n) {
        return withRequests(requests.subList(0, n));
    }

    /** These requests, with this data set's sessions. */
    private ItDataSet withRequests(List<Planned> planned) {
        ItDataSet d = new ItDataSet();
        d.requests.addAll(planned);
        d.sessionLines.addAll(sessionLines);
        d.orgOf.putAll(orgOf);
        d.invalidSessions = invalidSessions;
        return d;
    }

    public static ItDataSet generate(long seed, int n) {
        return generate(seed, n, T0);
    }

    /** {@code n} requests from about {@code t0} on, 40 ms apart on average (some out of order, some late). */
    public static ItDataSet generate(long seed, int n, long t0) {
        ItDataSet d = new ItDataSet();
        Random r = new Random(seed);
        for (int s = 0; s < 40; s++) {
            d.session("s" + s, "u" + s, "org-" + (s % 6));
        }
        for (int s = 0; s < 5; s++) {
            d.session("s" + s, "u" + s, "org-moved-" + s); // updates: the latest record wins
        }
        d.sessionLines.add("{\"sessionID\":\"s99\",\"userID\":\"\",\"orgID\":\"org-1\"}");
        d.sessionLines.add("NOT A SESSION");
        d.sessionLines.add("{\"sessionID\":\"s98\",\"userID\":\"u\"}");
        d.invalidSessions = 3;
        long max = t0;
        for (int i = 0; i < n; i++) {
            long t = t0 + i * 40L + r.nextInt(3000) - 1500;
            int kind = r.nextInt(100);
            if (kind == 0) {
                t = max - 15_000 - r.nextInt(15_000); // well behind: late unless its window is still open
            }
            max = Math.max(max, t);
            if (kind == 1 || kind == 2) {
                d.requests.add(d.invalid(r, t));
                continue;
            }
            String session = kind == 3 || kind == 4 ? "ghost-" + r.nextInt(5) : "s" + r.nextInt(40);
            String url = kind == 5 ? "/static/app.js" : kind == 6 ? "/health" : URLS[Math.min(r.nextInt(8), 4)];
            String level = kind == 7 ? "DEBUG" : kind == 8 ? "trace" : kind == 9 ? "error" : "INFO";
            int status = r.nextInt(40) == 0 ? 503 : r.nextInt(20) == 0 ? 404 : 200;
            String statusJson = switch (r.nextInt(10)) {
                case 0 -> "\"status\":\"n/a\",";   // not a status: counts as absent
                case 1, 2, 3 -> "\"status\":\"" + status + "\",";
                default -> "\"status\":" + status + ",";
            };
            if (statusJson.contains("n/a")) {
                status = -1;
            }
            long duration = r.nextInt(50) == 0 ? 2048 + r.nextInt(100_000) : (long) Math.exp(3 + r.nextGaussian());
            String query = r.nextInt(4) == 0 ? "?id=" + r.nextInt(9) : "";
            d.requests.add(new Planned(d.line(r, t, url + query, session, duration, level, statusJson), null, t,
                    url, session, duration, level, status));
        }
        return d;
    }

    private void session(String id, String user, String org) {
        sessionLines.add("{\"sessionID\":\"" + id + "\",\"userID\":\"" + user + "\",\"orgID\":\"" + org
                + "\",\"timestamp\":\"2017-06-03T18:39:00Z\"}");
        orgOf.put(id, org);
    }

    /** A valid line, its time and numbers written in one of the accepted ways. */
    private String line(Random r, long t, String url, String session, long duration, String level, String st) {
        String time = switch (r.nextInt(7)) {
            case 0 -> "\"timestamp\":\"" + Instant.ofEpochMilli(t) + "\"";
            case 1 -> "\"timestamp\":\"" + Instant.ofEpochMilli(t).atOffset(ZoneOffset.ofHours(2)).toLocalDateTime()
                    + "+02:00\"";
            case 2 -> "\"timestamp\":\"" + Instant.ofEpochMilli(t).atOffset(ZoneOffset.UTC).toLocalDateTime() + "\"";
            case 3 -> "\"timestamp\":" + t;
            case 4 -> "\"timestamp\":\"" + t + "\"";
            case 5 -> "\"startMillis\":\"" + t + "\"";
            default -> "\"timestamp\":null,\"startMillis\":" + t;
        };
        String dur = r.nextBoolean() ? "\"" + duration + "\"" : Long.toString(duration);
        String lvl = level.equals("INFO") && r.nextBoolean() ? "" : "\"level\":\"" + level + "\",";
        return "{" + time + ",\"method\":\"GET\",\"webURL\":\"" + url + "\",\"webParams\":\"null\",\"sessionID\":\""
                + session + "\",\"class\":\"com.orgmanager.handlers.RequestHandler\",\"durationMillis\":" + dur + ","
                + st + lvl + "\"message\":\"Duration Log\",\"extra\":{\"nested\":[1,2,{\"a\":true}]}}";
    }

    private Planned invalid(Random r, long t) {
        String ok = "\"timestamp\":" + t + ",\"webURL\":\"/app/x\",\"sessionID\":\"s1\"";
        String[][] kinds = {
            {"THIS IS A PARSE ERROR", "not-json"},
            {"[1,2,3]", "not-object"},
            {"{" + ok + ",\"durationMillis\":\"-5\"}", "malformed-field:durationMillis"},
            {"{" + ok + ",\"durationMillis\":86400001}", "malformed-field:durationMillis"},
            {"{" + ok + ",\"durationMillis\":1.5}", "malformed-field:durationMillis"},
            {"{\"timestamp\":" + t + ",\"sessionID\":\"s1\",\"durationMillis\":1}", "missing-field:webURL"},
            {"{\"timestamp\":\"yesterday\",\"webURL\":\"/a\",\"sessionID\":\"s1\",\"durationMillis\":1}",
                "malformed-field:timestamp"},
            {"{\"webURL\":\"/a\",\"sessionID\":\"s1\",\"durationMillis\":1}", "missing-field:timestamp"},
            {"{" + ok + ",\"durationMillis\":1,\"pad\":\"" + "x".repeat(70_000) + "\"}", "too-large"},
            {"{" + ok + ",\"durationMillis\":1,\"deep\":" + "[".repeat(32) + "]".repeat(32) + "}", "too-deep"},
            {"{" + ok + ",\"durationMillis\":1", "not-json"},
        };
        String[] k = kinds[r.nextInt(kinds.length)];
        return new Planned(k[0], k[1], 0, null, null, 0, null, 0);
    }
}
