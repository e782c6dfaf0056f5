package io.logriver.launcher.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsReportersTest {
    private static final Map<String, Object> CONSOLE = Map.of("class", MetricsReporters.CONSOLE, "report.period", 10);

    private static List<Object> classes(List<Map<String, Object>> reporters) {
        return reporters.stream().map(r -> r.get("class")).toList();
    }

    @Test
    void localRunsGetJmxInsteadOfTheConsole() {
        assertEquals(List.of(MetricsReporters.JMX),
                classes(MetricsReporters.forLocalRun(Map.of(MetricsReporters.KEY, List.of(CONSOLE)))));
        assertEquals(List.of(MetricsReporters.JMX), classes(MetricsReporters.forLocalRun(Map.of())));
    }

    @Test
    void aConfiguredJmxReporterIsKeptAsItIs() {
        Map<String, Object> jmx = Map.of("class", MetricsReporters.JMX, "report.period", 3);
        assertEquals(List.of(jmx), MetricsReporters.forLocalRun(Map.of(MetricsReporters.KEY, List.of(jmx))));
    }

    @Test
    void clusterRunsKeepTheConfiguredReportersAndGetOneCsvReporterOfLogriverMetrics() {
        List<Map<String, Object>> r = MetricsReporters.withCsv(Map.of(MetricsReporters.KEY, List.of(CONSOLE)));
        assertEquals(List.of(MetricsReporters.CONSOLE, MetricsReporters.CSV), classes(r));
        assertEquals(MetricsReporters.LOGRIVER_METRICS, ((Map<?, ?>) r.get(1).get("filter")).get("expression"));
        assertEquals(r, MetricsReporters.withCsv(Map.of(MetricsReporters.KEY, r)));
    }
}
