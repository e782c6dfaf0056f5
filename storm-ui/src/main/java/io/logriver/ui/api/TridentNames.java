package io.logriver.ui.api;

import java.util.Collection;

/**
 * Readable names for the components Trident generates ({@code $mastercoord-bg0}, {@code $spoutcoord-spout-x},
 * {@code spout-x}, {@code b-0-parse-filter}; STORM-1748) and for Storm's system components; null for a component
 * whose id is already the name its topology gave it.
 */
public final class TridentNames {
    private TridentNames() {
    }

    public static String readable(String id) {
        if (id.startsWith("$mastercoord-")) {
            return "Trident master batch coordinator (" + id.substring("$mastercoord-".length()) + ")";
        }
        if (id.startsWith("$spoutcoord-spout-")) {
            return "batch coordinator of spout " + id.substring("$spoutcoord-spout-".length());
        }
        if (id.startsWith("spout-")) {
            return "Trident spout " + id.substring("spout-".length());
        }
        if (id.matches("b-\\d+.*")) {
            String rest = id.substring(2);
            int dash = rest.indexOf('-');
            String group = dash < 0 ? rest : rest.substring(0, dash);
            String names = dash < 0 ? "" : rest.substring(dash + 1);
            return "Trident bolt " + group + (names.isEmpty() ? " (unnamed operations)" : ": " + names);
        }
        return switch (id) {
            case "__acker" -> "Storm's acker";
            case "$checkpointspout" -> "Storm's checkpoint spout (of the stateful bolts)";
            case "__system" -> "Storm's system component";
            case "__eventlogger" -> "Storm's event logger";
            default -> null;
        };
    }

    /** Whether a topology with these components is a Trident one: it has a master batch coordinator. */
    public static boolean isTrident(Collection<String> componentIds) {
        return componentIds.stream().anyMatch(c -> c.startsWith("$mastercoord-"));
    }
}
