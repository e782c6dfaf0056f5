package io.logriver.launcher.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.launcher.metrics.Accounting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode window(String start, String org, String url, long count, long errors, long p99)
            throws Exception {
        return JSON.valueToTree(Map.of("windowStart", start, "windowEnd", "x", "orgID", org, "webURL", url,
                "count", count, "errors", errors, "p50", 1, "p95", 2, "p99", p99, "max", p99 + 1));
    }

    @Test
    void identityHoldsOrSaysWhatIsInFlight() {
        Map<String, Object> done = ViewModel.accounting(new Accounting(10, 6, 2, 1, 1));
        assertEquals(true, done.get("balanced"));
        assertEquals("10 = 6 + 2 + 1 + 1 ✓", done.get("identity"));
        Map<String, Object> busy = ViewModel.accounting(new Accounting(12, 6, 2, 1, 1));
        assertEquals(false, busy.get("balanced"));
        assertEquals("12 = 6 + 2 + 1 + 1 (2 in flight)", busy.get("identity"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void slowestUrlsAndErrorRatesOfTheLatestWindowsOnly() throws Exception {
        List<JsonNode> windows = new ArrayList<>();
        windows.add(window("2026-12-06T10:00:00Z", "org1", "/old", 10, 10, 9999));
        for (int w = 1; w < ViewModel.LATEST_WINDOWS; w++) {
            windows.add(window("2026-12-06T10:00:" + (10 + w) + "Z", "org1", "/quiet", 0, 0, 1));
        }
        for (int i = 0; i < 7; i++) {
            windows.add(window("2026-12-06T10:01:00Z", i % 2 == 0 ? "org1" : "<img src=x onerror=alert(1)>",
                    "/u" + i, 100, i, 10 * i));
        }
        Map<String, Object> v = ViewModel.of(new Accounting(0, 0, 0, 0, 0), null, null, windows, List.of(), List.of());
        List<Map<String, Object>> slowest = (List<Map<String, Object>>) v.get("slowestUrls");
        assertEquals(List.of("/u6", "/u5", "/u4", "/u3", "/u2"), slowest.stream().map(m -> m.get("webURL")).toList());
        assertEquals(ViewModel.LATEST_WINDOWS, ((List<String>) v.get("windows")).size(), "not the oldest");
        assertEquals("2026-12-06T10:01:00Z", ((List<String>) v.get("windows")).get(ViewModel.LATEST_WINDOWS - 1));
        List<Map<String, Object>> rates = (List<Map<String, Object>>) v.get("errorRates");
        assertEquals("<img src=x onerror=alert(1)>", rates.get(0).get("orgID"), "sorted, kept as it came");
        assertEquals(300L, rates.get(0).get("count"));
        assertEquals("3.00 %", rates.get(0).get("rate"));
        assertEquals("org1", rates.get(1).get("orgID"));
        assertEquals(12L, rates.get(1).get("errors"));
    }

    @Test
    void deadLettersByReasonWithAShortExample() throws Exception {
        String longPayload = "x".repeat(200);
        List<JsonNode> dead = List.of(
                JSON.readTree("{\"reason\":\"bad-json\",\"payload\":\"{oops\"}"),
                JSON.readTree("{\"reason\":\"bad-json\",\"payload\":\"" + longPayload + "\"}"),
                JSON.readTree("{\"reason\":\"late\",\"payload\":\"<script>alert(1)</script>\"}"));
        List<Map<String, Object>> byReason = ViewModel.deadLetters(dead);
        assertEquals(2, byReason.size());
        assertEquals(2L, byReason.get(0).get("count"));
        assertEquals("x".repeat(ViewModel.EXAMPLE_CHARS) + "…", byReason.get(0).get("example"));
        assertEquals("<script>alert(1)</script>", byReason.get(1).get("example"));
    }
}
