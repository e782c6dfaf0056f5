package io.logriver.logic.parse;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which valid requests the pipeline drops: those at one of the dropped levels (any case) and those whose webURL
 * starts with one of the dropped prefixes.
 */
public final class FilterRules implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> droppedLevels;
    private final String[] droppedUrlPrefixes;

    public FilterRules(List<String> droppedLevels, List<String> droppedUrlPrefixes) {
        this.droppedLevels = droppedLevels.stream().map(l -> l.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        this.droppedUrlPrefixes = droppedUrlPrefixes.toArray(new String[0]); // looped over without an iterator
    }

    /** True when the request is kept. */
    public boolean accepts(Request r) {
        if (droppedLevels.contains(r.level().toUpperCase(Locale.ROOT))) {
            return false;
        }
        for (String prefix : droppedUrlPrefixes) {
            if (r.webURL().startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
