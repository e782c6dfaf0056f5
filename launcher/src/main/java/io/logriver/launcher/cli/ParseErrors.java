package io.logriver.launcher.cli;

import java.util.List;
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
        String suggestion = suggestion(u.getSuggestions().stream().filter(s -> !s.equals(arg)).toList());
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

    /** picocli's closest match, if it has one: {@code ; did you mean --rate?}. */
    private static String suggestion(List<String> suggestions) {
        return suggestions.isEmpty() ? "" : "; did you mean " + suggestions.get(0) + "?";
    }
}
