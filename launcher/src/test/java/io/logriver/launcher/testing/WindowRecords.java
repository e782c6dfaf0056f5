package io.logriver.launcher.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stats topic read as its consumers read it: the topic is compacted and keyed by window (start, organisation, URL),
 * output is at least once, so a window record may be written again, but only with the same content.
 */
public final class WindowRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WindowRecords() {
    }

    /** The last record of each window key, ordered by windowStart, orgID, webURL as the reference orders them. */
    public static Map<String, String> lastByKey(List<String> records) throws IOException {
        Map<String, String> last = new TreeMap<>();
        for (String w : records) {
            last.put(key(w), w);
        }
        return last;
    }

    /** The keys of {@code records} (a stats topic, all of it) written with two contents, one line each. */
    public static List<String> rewritten(String mode, List<String> records) throws IOException {
        Map<String, String> first = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String w : records) {
            String before = first.putIfAbsent(key(w), w);
            if (before != null && !before.equals(w)) {
                failures.add(mode + ": window " + key(w).replace('\u0000', '|') + " written as " + before
                        + " and again as " + w);
            }
        }
        return failures;
    }

    private static String key(String record) throws IOException {
        JsonNode n = JSON.readTree(record);
        return n.get("windowStart").asText() + "\u0000" + n.get("orgID").asText() + "\u0000" + n.get("webURL").asText();
    }
}
