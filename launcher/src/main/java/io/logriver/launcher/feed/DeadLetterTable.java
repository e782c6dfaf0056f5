package io.logriver.launcher.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** Dead letters grouped by reason and source topic: how many, and the last one of each. */
final class DeadLetterTable {
    private static final int PAYLOAD_CHARS = 60;

    private final PrintStream out;
    private final String topic;
    private final Map<String, Group> groups = new TreeMap<>();
    private long total;

    private static final class Group {
        final String reason;
        final String from;
        long count;
        String last;

        Group(String reason, String from) {
            this.reason = reason;
            this.from = from;
        }
    }

    DeadLetterTable(PrintStream out, String topic) {
        this.out = out;
        this.topic = topic;
    }

    void add(JsonNode deadLetter) {
        String reason = deadLetter.path("reason").asText("?");
        String from = deadLetter.path("topic").asText("?");
        Group g = groups.computeIfAbsent(reason + "\u0000" + from, k -> new Group(reason, from));
        g.count++;
        g.last = deadLetter.path("partition").asInt() + "@" + deadLetter.path("offset").asLong() + " "
                + shortened(deadLetter.path("payload").asText());
        total++;
    }

    /** Dead letters counted so far. */
    long total() {
        return total;
    }

    void print() {
        out.printf("dead letters on %s: %,d%n", topic, total);
        out.printf("  %-32s %-12s %8s  %s%n", "reason", "from", "count", "last (partition@offset payload)");
        for (Group g : groups.values()) {
            out.printf("  %-32s %-12s %,8d  %s%n", g.reason, g.from, g.count, g.last);
        }
        out.flush();
    }

    /** The payload's start on one line: control characters shown as spaces. */
    private static String shortened(String payload) {
        String oneLine = payload.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= PAYLOAD_CHARS ? oneLine : oneLine.substring(0, PAYLOAD_CHARS) + "...";
    }
}
