package io.logriver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists every logriver key once, and no other. */
class ReadmeKeysTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theConfigurationTableListsExactlyTheKeys() throws IOException {
        List<String> listed = readmeKeys(Path.of("..", "README.md"));
        List<String> own = listed.stream().filter(k -> !k.startsWith("topology.") && !k.startsWith("storm.")
                && LogriverConfig.stormKeyOfProfile(k) == null).toList();
        assertEquals(new TreeSet<>(LogriverConfig.KEYS), new TreeSet<>(own));
        assertEquals(own.size(), Set.copyOf(own).size(), () -> "a key listed twice: " + own);
    }

    @Test
    void readsTheShortFormOfARow() {
        assertEquals(List.of("logriver.parallelism.spout", "logriver.parallelism.parse", "a.b.c.d", "a.b.x.y"),
                keysOfRows("| `logriver.parallelism.spout`, `.parse` | `1` | x |\n| `a.b.c.d`, `.x.y` | y | z |"));
    }

    /** The keys in the first column of the table under "## Configuration". */
    private static List<String> readmeKeys(Path readme) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf("\n## Configuration\n");
        assertTrue(start >= 0, "README.md has no Configuration section");
        int end = text.indexOf("\n## ", start + 1);
        return keysOfRows(text.substring(start, end < 0 ? text.length() : end));
    }

    /** The keys of table rows; {@code .x.y} after a key stands for that key with as many of its last parts replaced. */
    private static List<String> keysOfRows(String lines) {
        List<String> keys = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String full = null;
            Matcher m = CODE.matcher(line.substring(1, line.indexOf('|', 1)));
            while (m.find()) {
                String key = m.group(1);
                if (key.startsWith(".") && full != null) {
                    String[] parts = full.split("\\.");
                    int keep = parts.length - (key.split("\\.").length - 1);
                    key = String.join(".", List.of(parts).subList(0, keep)) + key;
                } else {
                    full = key;
                }
                keys.add(key);
            }
        }
        return keys;
    }
}
