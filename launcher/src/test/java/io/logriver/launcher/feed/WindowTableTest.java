package io.logriver.launcher.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String W1 = "2017-06-03T18:40:00Z";
    private static final String W2 = "2017-06-03T18:40:10Z";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final WindowTable table = new WindowTable(new PrintStream(bytes, true, StandardCharsets.UTF_8), 500);

    @Test
    void showsAWindowOnceQuietWithItsTotalsAndItsFiveSlowestUrlsByP99() throws Exception {
        for (int i = 0; i < 7; i++) {
            table.add(record(W1, "org-" + (i % 2), "/u" + i, 10 + i, i == 3 ? 2 : 0, 100 * i), 0);
        }
        table.add(record(W2, "org-1", "/later", 1, 0, 5), 400);
        table.flush(499, false);
        assertEquals("", shown(), "nothing quiet for 500 ns yet");

        table.flush(500, false);
        assertEquals(List.of(
                "window " + W1 + " to 2017-06-03T18:40:10Z: 91 requests, 2 errors, 2 orgs, 7 org/URL pairs; slowest by p99 "
                        + "(ms):",
                "    org-0    /u6                    count     16 errors    0 p50   300 p95    600 p99    600 max     600",
                "    org-1    /u5                    count     15 errors    0 p50   250 p95    500 p99    500 max     500",
                "    org-0    /u4                    count     14 errors    0 p50   200 p95    400 p99    400 max     400",
                "    org-1    /u3                    count     13 errors    2 p50   150 p95    300 p99    300 max     300",
                "    org-0    /u2                    count     12 errors    0 p50   100 p95    200 p99    200 max     200"),
                shown().lines().toList());
    }

    @Test
    void aRecordOfAWindowAlreadyShownIsShownAgainMarkedAndTheEndShowsEveryWindow() throws Exception {
        table.add(record(W1, "org-1", "/a", 1, 0, 7), 0);
        table.flush(1000, false);
        bytes.reset();
        table.add(record(W1, "org-2", "/b", 2, 1, 9), 2000);
        table.add(record(W2, "org-1", "/c", 3, 0, 4), 2000);
        table.flush(2001, true);
        List<String> lines = shown().lines().toList();
        assertEquals("window " + W1 + " to 2017-06-03T18:40:10Z (more records): 2 requests, 1 errors, 1 orgs, 1 org/URL "
                + "pairs; slowest by p99 (ms):", lines.get(0));
        assertEquals("window " + W2 + " to 2017-06-03T18:40:20Z: 3 requests, 0 errors, 1 orgs, 1 org/URL pairs; slowest "
                + "by p99 (ms):", lines.get(2));
        assertEquals(4, lines.size());
    }

    private String shown() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode record(String start, String org, String url, long count, long errors, long p99)
            throws Exception {
        String end = java.time.Instant.parse(start).plusSeconds(10).toString();
        return JSON.readTree("{\"windowStart\":\"" + start + "\",\"windowEnd\":\"" + end + "\",\"orgID\":\"" + org
                + "\",\"webURL\":\"" + url + "\",\"count\":" + count + ",\"errors\":" + errors + ",\"p50\":" + p99 / 2
                + ",\"p95\":" + p99 + ",\"p99\":" + p99 + ",\"max\":" + p99 + ",\"final\":true}");
    }
}
