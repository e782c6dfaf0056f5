package io.logriver.launcher.generator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import io.logriver.peers.PeerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void theGeneratorCountsWhatLogriversRulesKeepFromAnyWindow() {
        PeerSettings s = PeerSettings.of(ConfigLoader.load(null, List.of()), "t", Path.of("out"));
        Predicate<byte[]> reaches = LoadGenerator.reachesWindow(s.futureTimeRule(), s.filterRules());
        String ok = "{\"timestamp\":\"2026-11-28T10:00:00Z\",\"webURL\":\"/app/page/home\",\"sessionID\":\"s1\","
                + "\"durationMillis\":\"12\",\"status\":200,\"level\":\"INFO\"}";
        assertTrue(reaches.test(bytes(ok)), "valid and kept");
        assertFalse(reaches.test(bytes(ok.replace("INFO", "DEBUG"))), "filtered by level");
        assertFalse(reaches.test(bytes(ok.replace("/app/page/home", "/static/js/app.js"))), "filtered by URL");
        assertFalse(reaches.test(bytes(ok.substring(0, ok.length() / 2))), "invalid");
        RecordGenerator g = new RecordGenerator(7, 100, true);
        long kept = 0;
        for (int i = 0; i < 10_000; i++) {
            kept += reaches.test(bytes(g.next(System.currentTimeMillis()).request())) ? 1 : 0;
        }
        assertTrue(kept > 8_000 && kept < 9_500, "the generator's mix: about 12 % filtered or invalid, got " + kept);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
