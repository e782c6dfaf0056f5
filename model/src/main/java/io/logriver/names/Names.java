package io.logriver.names;

/** Component, stream and field names, shared by the topology builders, the tests and the stats command. */
public final class Names {
    private Names() {
    }

    // components
    public static final String WEBLOGS_SPOUT = "kafka-weblogs";
    public static final String SESSIONS_SPOUT = "kafka-sessions";
    public static final String CLOCK_SPOUT = "clock";
    public static final String PARSE = "parse";
    public static final String PARSE_SESSIONS = "parse-sessions";
    public static final String FILTER = "filter";
    public static final String JOIN = "join";
    /** Core: everything that depends on the order of one Kafka partition (replays, lateness, join, partials). */
    public static final String PARTITION_STAGE = "partition";
    public static final String AGGREGATE = "aggregate";
    public static final String SINK = "to-kafka";

    // streams (besides "default")
    public static final String INVALID_STREAM = "invalid";
    public static final String LATE_STREAM = "late";
    public static final String WATERMARK_STREAM = "watermark";
    public static final String WINDOWS_STREAM = "windows";
    public static final String END_STREAM = "end-of-input";

    // fields
    public static final String PARTITION = "partition";
    public static final String OFFSET = "offset";
    public static final String VALUE = "value";
    public static final String EMIT_NANOS = "emitNanos";
    public static final String SCHED_NANOS = "schedNanos";
    public static final String CONTROL = "control";
    /** The spout incarnation that read a record: a rewound spout reads in order again, under a new one. */
    public static final String INCARNATION = "incarnation";
    /** What parse found: {@link #VALID}, {@link #FILTERED}, {@link #END_OF_INPUT}, or why the record is invalid. */
    public static final String VERDICT = "verdict";
    public static final String VALID = "valid";
    public static final String FILTERED = "filtered";
    public static final String STATS = "stats";
    public static final String REQUEST = "request";
    public static final String SESSION = "session";
    public static final String WINDOW_START = "windowStart";
    public static final String ORG_ID = "orgID";
    public static final String URL_KEY = "urlKey";
    public static final String WATERMARK = "watermark";
    public static final String TOPIC = "topic";
    public static final String KEY = "key";
    public static final String MESSAGE = "message";
    public static final String NOW = "now";

    /** The Kafka record header that marks a control record (not data) and names what it means. */
    public static final String CONTROL_HEADER = "logriver-control";
    /** Control value: the producer has written its whole input to this partition. */
    public static final String END_OF_INPUT = "end-of-input";
    /** Record header set by the benchmark's generator: the record's scheduled send time (System.nanoTime, 8 bytes). */
    public static final String SCHED_HEADER = "logriver-sched-nanos";

    // metrics (Storm metrics v2, registered per task)
    public static final String M_READ = "logriver.read";
    public static final String M_INVALID = "logriver.invalid";
    public static final String M_FILTERED = "logriver.filtered";
    public static final String M_LATE = "logriver.late";
    public static final String M_REPLAYED = "logriver.replayed";
    public static final String M_REWOUND = "logriver.rewound";
    public static final String M_AGGREGATED = "logriver.aggregated";
    public static final String M_JOIN_MISSES = "logriver.join.misses";
    public static final String M_JOIN_WAITING = "logriver.join.waiting";
    public static final String M_SESSIONS = "logriver.sessions";
    public static final String M_SESSIONS_INVALID = "logriver.sessions.invalid";
    public static final String M_WINDOWS = "logriver.windows";
    public static final String M_OPEN_WINDOW_KEYS = "logriver.windows.open";
    public static final String M_SINK_ERRORS = "logriver.sink.errors";
    public static final String M_END_OF_INPUT = "logriver.end.of.input";
    /** Core: spout emit to applied, without the time a request waited for its session. */
    public static final String M_LATENCY_US = "logriver.latency.us";
    /** Core: how long each request that waited for its session waited (joined later, or a join miss). */
    public static final String M_JOIN_WAIT_US = "logriver.join.wait.us";
    public static final String M_STAGE_US = "logriver.stage.us";
    public static final String M_BATCH_SIZE = "logriver.batch.size";
    public static final String M_SINK_WRITTEN = "logriver.sink.written";
}
