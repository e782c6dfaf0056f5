package io.logriver.logic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterRulesTest {

    private static final FilterRules DEFAULT =
            new FilterRules(List.of("DEBUG", "TRACE"), List.of("/static/", "/health"));

    private static Request req(String url, String level) {
        return new Request(0, url, "s", 1, level, 200);
    }

    @ParameterizedTest(name = "level {0}")
    @ValueSource(strings = {"DEBUG", "debug", "Debug", "dEbUg", "TRACE", "trace", "Trace"})
    void dropsDebugAndTraceInAnyCase(String level) {
        assertFalse(DEFAULT.accepts(req("/app/page", level)));
    }

    @ParameterizedTest(name = "level {0}")
    @ValueSource(strings = {"INFO", "info", "WARN", "ERROR", "FATAL", "", "DEBUG2", "TRACED", " DEBUG", "DEBU"})
    void keepsOtherLevels(String level) {
        assertTrue(DEFAULT.accepts(req("/app/page", level)));
    }

    @ParameterizedTest(name = "{0} -> kept={1}")
    @CsvSource({
        "/static/app.js, false", "/static/, false", "/static/img/a.png?v=1, false",
        "/health, false", "/healthz, false", "/health/live, false", "/health?x=1, false",
        "/static, true", "/staticfiles/x, true", "/app/static/x, true", "/app/health, true", "/heal, true",
        "static/x, true", "/, true", "/app/page/analyze?x=/static/, true"})
    void urlPrefixes(String url, boolean kept) {
        assertEquals(kept, DEFAULT.accepts(req(url, "INFO")));
    }

    @Test
    void levelAndUrlRulesAreIndependent() {
        assertFalse(DEFAULT.accepts(req("/static/x", "ERROR")));
        assertFalse(DEFAULT.accepts(req("/app", "trace")));
        assertTrue(DEFAULT.accepts(req("/app", "ERROR")));
    }

    @Test
    void configuredLevelsMatchInAnyCaseToo() {
        FilterRules rules = new FilterRules(List.of("warn", "Info"), List.of());
        assertFalse(rules.accepts(req("/static/x", "WARN")));
        assertFalse(rules.accepts(req("/a", "info")));
        assertTrue(rules.accepts(req("/static/x", "DEBUG")));
    }

    @Test
    void emptyRulesKeepEverything() {
        FilterRules none = new FilterRules(List.of(), List.of());
        assertTrue(none.accepts(req("/static/x", "DEBUG")));
    }

    @Test
    void rulesAreCopiedAtConstruction() {
        List<String> levels = new ArrayList<>(List.of("DEBUG"));
        List<String> prefixes = new ArrayList<>(List.of("/static/"));
        FilterRules rules = new FilterRules(levels, prefixes);
        levels.add("INFO");
        prefixes.add("/app");
        assertTrue(rules.accepts(req("/app", "INFO")));
    }
}
