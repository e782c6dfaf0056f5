package io.logriver.launcher.soak.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowCheckTest {
    private static final String A = "{\"windowStart\":\"W\",\"orgID\":\"o\",\"webURL\":\"/a\",\"count\":3,\"p50\":5}";
    private static final String B = "{\"windowStart\":\"W\",\"orgID\":\"o\",\"webURL\":\"/b\",\"count\":2,\"p50\":7}";
    private static final List<SoakReference.Closed> CLOSED = List.of(new SoakReference.Closed("W|o|/a", A, 0, 3),
            new SoakReference.Closed("W|o|/b", B, 0, 2));

    @Test
    void equalAsJsonWhateverTheFieldOrder() {
        String reordered = "{\"p50\":5,\"count\":3,\"webURL\":\"/a\",\"orgID\":\"o\",\"windowStart\":\"W\"}";
        WindowCheck c = WindowCheck.of("core", CLOSED, Map.of("W|o|/a", reordered, "W|o|/b", B), 3, 0, List.of());
        assertTrue(c.exact(), c.toString());
        assertEquals(2, c.equal());
    }

    @Test
    void missingShortAndExtraWindowsAreLostAndTwiceCountedRequests() {
        String bShort = B.replace("\"count\":2", "\"count\":1");
        String extra = "{\"windowStart\":\"W\",\"orgID\":\"o\",\"webURL\":\"/c\",\"count\":4}";
        WindowCheck c = WindowCheck.of("trident", CLOSED, Map.of("W|o|/b", bShort, "W|o|/c", extra), 2, 0, List.of());
        assertFalse(c.exact());
        assertEquals(List.of(0, 1, 1, 1), List.of(c.equal(), c.missing(), c.different(), c.unexpected()));
        assertEquals(3 + 1, c.lostRecords());
        assertEquals(4, c.doubleCounted());
    }

    @Test
    void aWindowWrittenAgainWithOtherContentFailsTheCheck() {
        WindowCheck c = WindowCheck.of("core", CLOSED, Map.of("W|o|/a", A, "W|o|/b", B), 3, 1, List.of("x then y"));
        assertFalse(c.exact());
        assertEquals(List.of("x then y"), c.examples());
    }
}
