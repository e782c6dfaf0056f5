package io.logriver.logic.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WindowResultTest {

    /** 2017-06-03T18:43:30Z. */
    private static final long START = 1_496_515_410_000L;

    @Test
    void documentedFormat() {
        WindowResult r = new WindowResult(new WindowKey(START, "org-7", "/app/page/analyze"), 10_000,
                new DurationStats.Summary(123, 2, 36, 120, 250, 900), true);
        assertEquals("{\"windowStart\":\"2017-06-03T18:43:30Z\",\"windowEnd\":\"2017-06-03T18:43:40Z\","
                + "\"orgID\":\"org-7\",\"webURL\":\"/app/page/analyze\",\"count\":123,\"errors\":2,\"p50\":36,"
                + "\"p95\":120,\"p99\":250,\"max\":900,\"final\":true}", r.toJson());
    }

    @Test
    void epochLargeValuesAndNotFinal() {
        WindowResult r = new WindowResult(new WindowKey(0, "unknown", "/"), 60_000,
                new DurationStats.Summary(1, 0, 86_400_000, 86_400_000, 86_400_000, 86_400_000), false);
        assertEquals("{\"windowStart\":\"1970-01-01T00:00:00Z\",\"windowEnd\":\"1970-01-01T00:01:00Z\","
                + "\"orgID\":\"unknown\",\"webURL\":\"/\",\"count\":1,\"errors\":0,\"p50\":86400000,"
                + "\"p95\":86400000,\"p99\":86400000,\"max\":86400000,\"final\":false}", r.toJson());
    }

    @Test
    void negativeWindowStart() {
        WindowResult r = new WindowResult(new WindowKey(-10_000, "o", "/a"), 10_000,
                new DurationStats.Summary(1, 0, 1, 1, 1, 1), true);
        assertEquals("{\"windowStart\":\"1969-12-31T23:59:50Z\",\"windowEnd\":\"1970-01-01T00:00:00Z\","
                + "\"orgID\":\"o\",\"webURL\":\"/a\",\"count\":1,\"errors\":0,\"p50\":1,\"p95\":1,\"p99\":1,"
                + "\"max\":1,\"final\":true}", r.toJson());
    }

    @Test
    void stringsAreEscaped() {
        WindowResult r = new WindowResult(new WindowKey(START, "org\"x\\", "/caf\u00e9/\"q\"\n"), 10_000,
                new DurationStats.Summary(1, 1, 5, 5, 5, 5), true);
        String json = r.toJson();
        assertEquals("{\"windowStart\":\"2017-06-03T18:43:30Z\",\"windowEnd\":\"2017-06-03T18:43:40Z\","
                + "\"orgID\":\"org\\\"x\\\\\",\"webURL\":\"/caf\u00e9/\\\"q\\\"\\n\",\"count\":1,\"errors\":1,"
                + "\"p50\":5,\"p95\":5,\"p99\":5,\"max\":5,\"final\":true}", json);
    }

    @Test
    void kafkaKey() {
        WindowResult r = new WindowResult(new WindowKey(START, "org-7", "/app/page/analyze"), 10_000,
                new DurationStats.Summary(1, 0, 1, 1, 1, 1), true);
        assertEquals("1496515410000|org-7|/app/page/analyze", r.kafkaKey());
    }
}
