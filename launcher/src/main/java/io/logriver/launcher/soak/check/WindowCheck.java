package io.logriver.launcher.soak.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One mode's windows against the reference's closed ones, each key by its last record (as the compacted topic keeps
 * it), compared as JSON values: how many are equal, missing, different or not the reference's; the requests lost
 * (in windows missing, or counted short) and counted twice; and the records written again with other content.
 */
public record WindowCheck(String mode, int expected, int equal, int missing, int different, int unexpected,
                          long lostRecords, long doubleCounted, long records, long rewrittenOther,
                          List<String> examples) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean exact() {
        return expected > 0 && equal == expected && unexpected == 0 && lostRecords == 0 && doubleCounted == 0
                && rewrittenOther == 0;
    }

    public static WindowCheck of(String mode, List<SoakReference.Closed> closed, Map<String, String> lastByKey,
                          long records, long rewrittenOther, List<String> rewriteExamples) {
        Map<String, String> left = new HashMap<>(lastByKey);
        int equal = 0;
        int missing = 0;
        int different = 0;
        long lost = 0;
        long twice = 0;
        List<String> examples = new ArrayList<>(rewriteExamples);
        for (SoakReference.Closed c : closed) {
            String got = left.remove(c.key());
            if (got == null) {
                missing++;
                lost += c.count();
                add(examples, "missing " + c.json());
            } else if (tree(got).equals(tree(c.json()))) {
                equal++;
            } else {
                different++;
                long n = tree(got).path("count").asLong(0);
                lost += Math.max(0, c.count() - n);
                twice += Math.max(0, n - c.count());
                add(examples, "expected " + c.json() + ", got " + got);
            }
        }
        for (String u : left.values()) {
            twice += tree(u).path("count").asLong(0);
            add(examples, "not the reference's " + u);
        }
        return new WindowCheck(mode, closed.size(), equal, missing, different, left.size(), lost, twice, records,
                rewrittenOther, List.copyOf(examples));
    }

    private static void add(List<String> examples, String e) {
        if (examples.size() < 5) {
            examples.add(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
