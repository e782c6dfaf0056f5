package io.logriver.launcher.cli;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's parse errors as logriver says them (docs/errors.md): one line naming the argument, with picocli's
 * suggestion for a mistyped option or command.
 */
final class ParseErrors {
    private ParseErrors() {
    }

    static String line(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return unmatched(u);
        }
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof OptionSpec o) {
            return o.longestName() + " needs " + (o.isMultiValue() ? o.paramLabel() : "a value");
        }
        return e.getMessage();
    }

    private static String unmatched(UnmatchedArgumentException u) {
        String arg = u.getUnmatched().get(0);
        CommandLine where = u.getCommandLine();
        List<String> names = List.copyOf(u.isUnknownOption() ? where.getCommandSpec().optionsMap().keySet()
                : where.getSubcommands().keySet());
        String suggestion = suggestion(arg.replaceFirst("=.*", ""), u.getSuggestions(), names);
        if (u.isUnknownOption()) {
            return "unknown option " + arg.replaceFirst("=.*", "") + suggestion;
        }
        if (where.getSubcommands().isEmpty()) {
            return "unexpected argument '" + arg + "'";
        }
        if (where.getCommandName().equals(Syntax.PROGRAM)) {
            return "unknown command '" + arg + "'" + suggestion;
        }
        List<String> subs = List.copyOf(where.getSubcommands().keySet());
        return where.getCommandName() + " " + arg + ": expected " + String.join(", ", subs.subList(0, subs.size() - 1))
                + " or " + subs.get(subs.size() - 1) + suggestion;
    }

    /**
     * The closest of picocli's suggestions (which share the first letters) and the command's own names, if it is a
     * likely typo: {@code ; did you mean --duration?} for {@code --dration}, nothing for {@code frobnicate} (picocli
     * would offer generate) or for the argument itself (given after {@code --}).
     */
    private static String suggestion(String typed, List<String> suggestions, List<String> names) {
        return Stream.concat(suggestions.stream(), names.stream()).filter(s -> !s.equals(typed))
                .min(Comparator.comparingInt(s -> distance(typed, s))).filter(s -> typo(typed, s))
                .map(s -> "; did you mean " + s + "?").orElse("");
    }

    /** Two edits at most (a third of the letters on long words), and fewer than the word has: not -x for -c. */
    private static boolean typo(String typed, String name) {
        int d = distance(typed, name);
        int letters = typed.replaceFirst("^-+", "").length();
        return d < letters && d <= Math.max(2, Math.max(typed.length(), name.length()) / 3);
    }

    /** How many letters to add, remove or change to make {@code b} of {@code a} (Levenshtein). */
    static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + change);
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
