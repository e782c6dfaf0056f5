package io.logriver.logic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTest {

    private static Request req(String url, String level, int status) {
        return new Request(0, url, "s", 1, level, status);
    }

    @ParameterizedTest(name = "level={0} status={1} -> {2}")
    @CsvSource({
        "ERROR, -1, true", "error, -1, true", "Error, 200, true", "eRRoR, 404, true",
        "INFO, 500, true", "INFO, 503, true", "INFO, 599, true", "WARN, 499, false", "INFO, 200, false",
        "INFO, -1, false", "ERRORS, -1, false", "FATAL, 100, false", "'', -1, false", "' ERROR', -1, false"})
    void isError(String level, int status, boolean expected) {
        assertEquals(expected, req("/a", level, status).isError());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/app/page/analyze?x=1, /app/page/analyze", "/app/page/analyze, /app/page/analyze",
        "/a?b=1?c=2, /a", "/a?, /a", "?x=1, ''", "/a#frag?x, /a#frag", "/a/b/, /a/b/"})
    void urlKey(String url, String expected) {
        assertEquals(expected, req(url, "INFO", 200).urlKey());
    }
}
