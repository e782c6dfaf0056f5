package io.logriver.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Syntax;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * bin/logriver's help, suggestions and completion script, made by picocli from each command's {@link Syntax}: every
 * declared option reaches the help with its description, and the usage of {@code bin/logriver help} is the
 * declarations' synopses.
 */
class CommandsTest {

    /** What {@link Main#run} did: its exit status, and what it printed on each stream. */
    record Ran(int status, String out, List<String> err) {
    }

    static Ran run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(List.of(argv), o, e);
        }
        return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).lines()
                .toList());
    }

    /** Each command, and each subcommand of cluster, as its words. */
    static Stream<List<String>> commands() {
        return Commands.syntaxes().stream().flatMap(c -> Stream.concat(Stream.of(List.of(c.name())),
                c.subcommands().stream().map(s -> List.of(c.name(), s.name()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void eachCommandsHelpShowsItsSynopsisAndEveryOptionWithItsDescription(List<String> words) {
        Syntax syntax = syntax(words);
        Ran help = run(Stream.concat(words.stream(), Stream.of("--help")).toArray(String[]::new));
        assertEquals(0, help.status(), help.toString());
        assertEquals(List.of(), help.err());
        assertTrue(help.out().matches("(?s)usage: bin/logriver " + String.join(" ", words) + "\\s.*"), help.out());
        if (words.size() == 1) {
            assertTrue(help.out().startsWith(String.join("\n", syntax.synopsis()) + "\n"), help.out());
        }
        String options = help.out().substring(help.out().indexOf("\noptions:\n"));
        for (Option o : syntax.options()) {
            String shown = o.typed() + (o.isFlag() ? "" : (o.repeatable() ? "  " : " ") + o.label());
            String firstWords = String.join(" ", List.of(o.description().split(" ")).subList(0, 3));
            Matcher m = Pattern.compile(Pattern.quote(shown) + "\\s")
                    .matcher(options);
            int at = m.find() ? m.start() : -1;
            assertTrue(at > 0 && options.indexOf(firstWords, at) > at, shown + " then '" + firstWords + "' in:\n"
                    + help.out());
        }
        Ran same = run(Stream.concat(Stream.of("help"), words.stream()).toArray(String[]::new));
        assertEquals(help, same, "help " + String.join(" ", words) + " is " + String.join(" ", words) + " --help");
    }

    @Test
    void theUsageIsEveryCommandsSynopsisAndItsCommandList() {
        Ran usage = run();
        assertEquals(0, usage.status());
        assertEquals(usage, run("help"));
        assertEquals(usage, run("--help"));
        for (Syntax c : Commands.syntaxes()) {
            List<String> synopsis = c.synopsis();
            String asInTheUsage = String.join("\n", synopsis).replaceFirst("^usage: ", "");
            assertTrue(usage.out().contains(asInTheUsage), asInTheUsage + " in:\n" + usage.out());
            assertTrue(usage.out().lines().anyMatch(l -> l.startsWith("  " + c.name() + " ")), c.name());
        }
        assertTrue(usage.out().startsWith("usage: bin/logriver run "), usage.out());
    }

    @Test
    void aMistypedOptionOrCommandIsOneLineWithPicocliSuggestionAndExit2() {
        assertEquals(new Ran(2, "", List.of("logriver: unknown option --rat; did you mean --rate? ("
                + Syntax.HINT + ")")), run("generate", "--rat", "5"));
        assertEquals(new Ran(2, "", List.of("logriver: unknown option --until-idl; did you mean --until-idle? ("
                + Syntax.HINT + ")")), run("watch", "--until-idl=5"));
        assertEquals(new Ran(2, "", List.of("logriver: unknown command 'rebalanse'; did you mean rebalance? ("
                + Syntax.HINT + ")")), run("rebalanse", "x"));
        assertEquals(new Ran(2, "", List.of("logriver: cluster stat: expected up, down or status; did you mean "
                + "status? (" + Syntax.HINT + ")")), run("cluster", "stat"));
    }

    @Test
    void anUnknownOptionIsStillOneLineAndExit2BeforeAnythingStarts() {
        // --work-dir would make a directory, and the Nimbus would be asked: the line is parsed whole first
        assertEquals(new Ran(2, "", List.of("logriver: unknown option --zzz (" + Syntax.HINT + ")")),
                run("kill", "x", "--nimbus", "127.0.0.1:1", "--zzz"));
        assertEquals(new Ran(2, "", List.of("logriver: unknown option --slots (" + Syntax.HINT + ")")),
                run("cluster", "down", "--slots", "2"));
        assertEquals(new Ran(2, "", List.of("logriver: unknown option -x (" + Syntax.HINT + ")")), run("-x"));
    }

    @Test
    void theCompletionScriptCompletesEveryCommandAndItsOptions() {
        Ran completion = run("completion");
        assertEquals(0, completion.status());
        assertTrue(completion.out().startsWith("#!/usr/bin/env bash"), completion.out());
        assertTrue(completion.out().contains("complete -F _complete_logriver -o default logriver"));
        for (Syntax c : Commands.syntaxes()) {
            assertTrue(completion.out().contains(" " + c.name()), c.name());
            for (Option o : c.options()) {
                assertTrue(completion.out().contains(o.typed()), c.name() + " " + o.typed());
            }
        }
        assertTrue(completion.out().contains("up down status"), "cluster's subcommands");
    }

    private static Syntax syntax(List<String> words) {
        Syntax s = Commands.syntaxes().stream().filter(c -> c.name().equals(words.get(0))).findFirst().orElseThrow();
        return words.size() == 1 ? s
                : s.subcommands().stream().filter(c -> c.name().equals(words.get(1))).findFirst().orElseThrow();
    }
}
