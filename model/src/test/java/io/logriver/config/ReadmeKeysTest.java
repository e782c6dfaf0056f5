package io.logriver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table and the code agree: it lists every logriver key once and no other, every key
 * {@code resources/logriver.yaml} sets, only keys the configuration accepts, each default as logriver.yaml gives it, and
 * each key's meaning as its declaration says it.
 */
class ReadmeKeysTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern ONE_VALUE = Pattern.compile("`([^`]*)`");
    private static final String HEADER = "| key | default | meaning |";

    /**
     * A row's key, its default cell as written (a value in backticks, or words such as "the profile's") and its
     * meaning.
     */
    record Row(String key, String defaultCell, String meaning) {
    }

    @Test
    void theConfigurationTableListsExactlyTheLogriverKeys() throws IOException {
        List<String> own = readmeRows().stream().map(Row::key)
                .filter(k -> !storms(k) && LogriverConfig.stormKeyOfProfile(k) == null).toList();
        assertEquals(new TreeSet<>(LogriverConfig.KEYS), new TreeSet<>(own));
        assertEquals(own.size(), Set.copyOf(own).size(), () -> "a key listed twice: " + own);
    }

    @Test
    void theTableListsEveryKeyOfLogriverYamlAndOnlyKeysTheConfigurationAccepts() throws IOException {
        Set<String> listed = new TreeSet<>(readmeRows().stream().map(Row::key).toList());
        Set<String> unlisted = new TreeSet<>(ConfigLoader.defaults().keySet());
        unlisted.removeAll(listed);
        assertTrue(unlisted.isEmpty(), () -> "keys logriver.yaml sets that the README's table does not list: " + unlisted);
        List<String> unknown = listed.stream().filter(k -> !LogriverConfig.KEYS.contains(k) && !storms(k)
                && LogriverConfig.stormKeyOfProfile(k) == null).toList();
        assertTrue(unknown.isEmpty(), () -> "keys in the README's table that the configuration refuses: " + unknown);
    }

    @Test
    void eachDefaultIsTheValueLogriverYamlSets() throws IOException {
        Map<String, Object> yaml = ConfigLoader.defaults();
        List<String> wrong = new ArrayList<>();
        for (Row row : readmeRows()) {
            Object want = yaml.get(row.key());
            Matcher value = ONE_VALUE.matcher(row.defaultCell());
            if (value.matches()) {
                // read as -c reads a value, so that `[DEBUG, TRACE]` and `1` compare as the YAML list and number
                Object shown = ConfigLoader.overrides(List.of(row.key() + "=" + value.group(1))).get(row.key());
                if (!shown.equals(want)) {
                    wrong.add(row.key() + ": the README says " + shown + ", logriver.yaml " + want);
                }
            } else if (want != null && !structured(want)) {
                wrong.add(row.key() + ": the README's default is '" + row.defaultCell() + "', logriver.yaml sets "
                        + want + " (write it in backticks)");
            }
        }
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    @Test
    void eachMeaningIsTheDocOfTheKeysDeclaration() throws IOException {
        Map<String, Key<?>> declared = new HashMap<>();
        LogriverConfig.DECLARED.forEach(k -> declared.put(k.name(), k));
        List<String> wrong = new ArrayList<>();
        for (Row row : readmeRows()) {
            Key<?> key = declared.get(row.key());
            if (key != null && !key.doc().equals(row.meaning())) {
                wrong.add(row.key() + ":\n  README:      " + row.meaning() + "\n  declaration: " + key.doc());
            }
        }
        assertTrue(wrong.isEmpty(), () -> "the README's meaning and the declaration's doc differ (change both):\n"
                + String.join("\n", wrong));
    }

    @Test
    void readsTheShortFormOfARowAndItsDefault() {
        assertEquals(List.of(new Row("logriver.parallelism.spout", "`1`", "x"),
                        new Row("logriver.parallelism.parse", "`1`", "x"), new Row("a.b.c.d", "y", "z"),
                        new Row("a.b.x.y", "y", "z")),
                rowsOf("| `logriver.parallelism.spout`, `.parse` | `1` | x |\n| `a.b.c.d`, `.x.y` | y | z |"));
    }

    @Test
    void readsOnlyTheKeyTable() {
        assertEquals(List.of(new Row("k.one", "`2`", "two")), keyTable(String.join("\n", "| profile | batches |",
                "|---|---|",
                "| `throughput` | 50 ms |", "", HEADER, "|---|---|---|", "| `k.one` | `2` | two |", "",
                "| `not.a.key` | after the table | x |")));
    }

    private static boolean storms(String key) {
        return key.startsWith("topology.") || key.startsWith("storm.");
    }

    /** A value no table cell spells out in one backticked YAML value (the metrics reporters: a list of maps). */
    private static boolean structured(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> list && list.stream().anyMatch(Map.class::isInstance);
    }

    /** The rows of the key table under "## Configuration". */
    private static List<Row> readmeRows() throws IOException {
        String text = Files.readString(Path.of("..", "README.md"));
        int start = text.indexOf("\n## Configuration\n");
        assertTrue(start >= 0, "README.md has no Configuration section");
        int end = text.indexOf("\n## ", start + 1);
        List<Row> rows = keyTable(text.substring(start, end < 0 ? text.length() : end));
        assertTrue(rows.size() > 10, () -> "the Configuration section has no table headed '" + HEADER + "'");
        return rows;
    }

    /** The rows of the table headed {@link #HEADER}, up to the first line that is not a table row. */
    private static List<Row> keyTable(String section) {
        int header = section.indexOf(HEADER);
        if (header < 0) {
            return List.of();
        }
        StringBuilder table = new StringBuilder();
        for (String line : section.substring(header).split("\n")) {
            if (!line.startsWith("|")) {
                break;
            }
            table.append(line).append('\n');
        }
        return rowsOf(table.toString());
    }

    /**
     * The keys of table rows, each with its row's default cell; {@code .x.y} after a key stands for that key with as
     * many of its last parts replaced.
     */
    private static List<Row> rowsOf(String lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            String defaultCell = cells.length > 2 ? cells[2].trim() : "";
            String meaning = cells.length > 3 ? cells[3].trim() : "";
            String full = null;
            Matcher m = CODE.matcher(cells[1]);
            while (m.find()) {
                String key = m.group(1);
                if (key.startsWith(".") && full != null) {
                    String[] parts = full.split("\\.");
                    int keep = parts.length - (key.split("\\.").length - 1);
                    key = String.join(".", List.of(parts).subList(0, keep)) + key;
                } else {
                    full = key;
                }
                rows.add(new Row(key, defaultCell, meaning));
            }
        }
        return rows;
    }
}
