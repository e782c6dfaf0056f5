package io.logriver.launcher.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic sessions and access-log records in the application's own format: skewed URLs and organisations,
 * long-tailed durations, some errors and debug lines, a few malformed and late records, and a few requests
 * whose session is never published (join misses). Deterministic for a seed, apart from the times given to it.
 */
public final class RecordGenerator {

    /** One generated request: its JSON and the session record to publish first, if this request opened a session. */
    public record Generated(String request, String newSession) {
    }

    private static final String[] URLS = {
        "/app/page/analyze", "/app/page/dashboard", "/app/api/chartdata", "/app/api/search", "/app/page/report",
        "/app/api/export", "/app/page/settings", "/app/api/login", "/app/api/users", "/app/page/home",
        "/static/js/app.js", "/static/css/main.css", "/health", "/app/api/upload", "/app/page/billing"};
    private static final String[] PARAMS = {"null", "file=chartdata_new.json", "q=latency", "page=2"};

    private final Random random;
    private final int liveSessions;
    private final boolean allSessionsPublished;
    private final List<String[]> sessions = new ArrayList<>();
    private final List<String[]> published = new ArrayList<>();
    private boolean fixedSessions;
    private long sessionCounter;

    /** Live data: one session in a hundred is never published, so its requests wait and become join misses. */
    public RecordGenerator(long seed, int liveSessions) {
        this(seed, liveSessions, false);
    }

    /**
     * @param allSessionsPublished true for the benchmark: every session is published (so its latencies measure the
     *                             pipeline, not the join's wait for sessions that never come)
     */
    public RecordGenerator(long seed, int liveSessions, boolean allSessionsPublished) {
        this.random = new Random(seed);
        this.liveSessions = liveSessions;
        this.allSessionsPublished = allSessionsPublished;
    }

    /**
     * A generator whose {@code sessions} sessions are all made now and none later, for the soak: it publishes
     * {@link #fixedSessionRecords} before the first request, so that every request's session is known before the
     * request in both modes, and an independent reference can join them. One session in a hundred is never
     * published: its requests are join misses ({@code unknown}) in both modes.
     */
    public static RecordGenerator withFixedSessions(long seed, int sessions) {
        RecordGenerator g = new RecordGenerator(seed, sessions);
        for (int i = 0; i < sessions; i++) {
            String[] s = g.newSession();
            g.sessions.add(s);
            if (g.random.nextInt(100) != 0) {
                g.published.add(s);
            }
        }
        g.fixedSessions = true;
        return g;
    }

    /** The session records of a generator {@link #withFixedSessions with fixed sessions}, to publish first. */
    public List<String> fixedSessionRecords(long nowMillis) {
        return published.stream().map(s -> sessionJson(s, nowMillis)).toList();
    }

    /** The next request at wall-clock time {@code nowMillis}. */
    public Generated next(long nowMillis) {
        if (fixedSessions) {
            return new Generated(request(sessions.get(random.nextInt(sessions.size()))[0], nowMillis), null);
        }
        String newSession = null;
        String[] session;
        if (sessions.size() < liveSessions || random.nextInt(200) == 0) {
            session = newSession();
            if (sessions.size() >= liveSessions) {
                sessions.set(random.nextInt(sessions.size()), session);
            } else {
                sessions.add(session);
            }
            newSession = !allSessionsPublished && random.nextInt(100) == 0 ? null : sessionJson(session, nowMillis);
        } else {
            session = sessions.get(random.nextInt(sessions.size()));
        }
        return new Generated(request(session[0], nowMillis), newSession);
    }

    private String[] newSession() {
        long n = ++sessionCounter;
        String id = Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + Long.toString(n, 36);
        String org = "org-" + zipf(25);
        return new String[] {id, "user-" + random.nextInt(5000), org};
    }

    private String sessionJson(String[] s, long nowMillis) {
        return "{\"sessionID\":\"" + s[0] + "\",\"userID\":\"" + s[1] + "\",\"orgID\":\"" + s[2]
                + "\",\"timestamp\":\"" + Instant.ofEpochMilli(nowMillis) + "\"}";
    }

    private String request(String sessionID, long nowMillis) {
        int kind = random.nextInt(1000);
        long eventTime = kind == 0 ? nowMillis - 20_000 - random.nextInt(40_000) : nowMillis - random.nextInt(50);
        String url = URLS[zipf(URLS.length) - 1];
        String level = random.nextInt(100) < 5 ? "DEBUG" : random.nextInt(100) == 0 ? "ERROR" : "INFO";
        long duration = Math.min(86_400_000L, Math.round(Math.exp(3.3 + random.nextGaussian() * 0.9)));
        if (random.nextInt(500) == 0) {
            duration *= 20;
        }
        int status = level.equals("ERROR") || random.nextInt(200) == 0 ? 500 : random.nextInt(50) == 0 ? 404 : 200;
        String json = "{\"timestamp\":\"" + Instant.ofEpochMilli(eventTime) + "\",\"method\":\"GET\",\"webURL\":\""
                + url + "\",\"webParams\":\"" + PARAMS[random.nextInt(PARAMS.length)] + "\",\"sessionID\":\""
                + sessionID + "\",\"requestID\":\"" + new java.util.UUID(random.nextLong(), random.nextLong())
                + "\",\"class\":\"com.orgmanager.handlers.RequestHandler\",\"startMillis\":\"" + eventTime
                + "\",\"durationMillis\":\"" + duration + "\",\"status\":" + status + ",\"level\":\"" + level
                + "\",\"message\":\"Duration Log\"}";
        return kind == 1 ? json.substring(0, json.length() / 2) : kind == 2 ? json.replace("\"durationMillis\":\"", "\"durationMillis\":\"-") : json;
    }

    /** 1..n, skewed towards 1 (Zipf-like, exponent 1). */
    private int zipf(int n) {
        double h = 0;
        for (int i = 1; i <= n; i++) {
            h += 1.0 / i;
        }
        double u = random.nextDouble() * h;
        for (int i = 1; i <= n; i++) {
            u -= 1.0 / i;
            if (u <= 0) {
                return i;
            }
        }
        return n;
    }
}
