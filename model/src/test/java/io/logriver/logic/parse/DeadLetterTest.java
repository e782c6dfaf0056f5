package io.logriver.logic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadLetterTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonFieldsInOrder() {
        DeadLetter d = DeadLetter.of("missing-field:webURL", "weblogs", 1, 42, utf8("{\"sessionID\":\"s\"}"));
        assertEquals("{\"reason\":\"missing-field:webURL\",\"topic\":\"weblogs\",\"partition\":1,\"offset\":42,"
                + "\"payload\":\"{\\\"sessionID\\\":\\\"s\\\"}\"}", d.toJson());
    }

    @Test
    void brokenPayloadIsEscaped() {
        DeadLetter d = DeadLetter.of("not-json", "weblogs", 0, 9_007_199_254_740_993L,
                utf8("THIS IS A PARSE ERROR\n\t\\ \"\u0001"));
        assertEquals("{\"reason\":\"not-json\",\"topic\":\"weblogs\",\"partition\":0,\"offset\":9007199254740993,"
                + "\"payload\":\"THIS IS A PARSE ERROR\\n\\t\\\\ \\\"\\u0001\"}", d.toJson());
    }

    @Test
    void lateReason() {
        assertEquals("late", DeadLetter.LATE);
        DeadLetter d = DeadLetter.of(DeadLetter.LATE, "weblogs", 3, 7, utf8("{}"));
        assertEquals("{\"reason\":\"late\",\"topic\":\"weblogs\",\"partition\":3,\"offset\":7,\"payload\":\"{}\"}",
                d.toJson());
    }

    @Test
    void nullAndEmptyPayload() {
        assertEquals("", DeadLetter.of("not-json", "t", 0, 0, null).payload());
        assertEquals("", DeadLetter.of("not-json", "t", 0, 0, new byte[0]).payload());
        assertEquals("{\"reason\":\"not-json\",\"topic\":\"t\",\"partition\":0,\"offset\":0,\"payload\":\"\"}",
                DeadLetter.of("not-json", "t", 0, 0, null).toJson());
    }

    @Test
    void payloadUpTo4096BytesIsKept() {
        String s = "a".repeat(4_096);
        assertEquals(s, DeadLetter.of("too-large", "t", 0, 0, utf8(s)).payload());
        String multi = "\u20ac".repeat(1_365) + "a"; // 4,095 + 1 bytes
        assertEquals(4_096, utf8(multi).length);
        assertEquals(multi, DeadLetter.of("too-large", "t", 0, 0, utf8(multi)).payload());
    }

    @Test
    void payloadIsCutTo4096Bytes() {
        String s = "b".repeat(70 * 1024);
        String p = DeadLetter.of("too-large", "weblogs", 0, 0, utf8(s)).payload();
        assertEquals("b".repeat(4_096), p);
        assertEquals(4_097, "a".repeat(4_097).length());
        assertEquals("a".repeat(4_096), DeadLetter.of("too-large", "t", 0, 0, utf8("a".repeat(4_097))).payload());
    }

    /** A character cut by the 4,096-byte boundary becomes one U+FFFD. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\u00e9", "\u20ac", "\uD83D\uDE00"})
    void characterCutAtTheBoundary(String ch) {
        int len = utf8(ch).length;
        for (int keep = 1; keep < len; keep++) {
            // keep bytes of ch fall inside the first 4,096 bytes
            String s = "a".repeat(4_096 - keep) + ch + "tail";
            String p = DeadLetter.of("too-large", "t", 0, 0, utf8(s)).payload();
            assertEquals("a".repeat(4_096 - keep) + "\uFFFD", p, "keep " + keep + " of " + len + " bytes");
        }
        // not cut: kept whole
        String whole = "a".repeat(4_096 - len) + ch + "tail";
        assertEquals("a".repeat(4_096 - len) + ch, DeadLetter.of("r", "t", 0, 0, utf8(whole)).payload());
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        byte[] b = {'x', (byte) 0xFF, 'y', (byte) 0xC3, '(', 'z'};
        String p = DeadLetter.of("not-json", "t", 0, 0, b).payload();
        assertEquals("x\uFFFDy\uFFFD(z", p);
        assertEquals("{\"reason\":\"not-json\",\"topic\":\"t\",\"partition\":0,\"offset\":0,"
                + "\"payload\":\"x\uFFFDy\uFFFD(z\"}", DeadLetter.of("not-json", "t", 0, 0, b).toJson());
    }

    @Test
    void payloadIsACopyOfTheBytes() {
        byte[] b = utf8("{\"a\":1}");
        DeadLetter d = DeadLetter.of("r", "t", 0, 0, b);
        b[2] = 'X';
        assertEquals("{\"a\":1}", d.payload());
    }
}
