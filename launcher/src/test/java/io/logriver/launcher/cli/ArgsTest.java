package io.logriver.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How picocli reads a command line through a {@link Syntax}, and the words of each mistake. */
class ArgsTest {
    private static final Syntax KILL = Syntax.of("kill", "Kills.", Option.value("wait", "S", "how long"),
            Option.flag("json", "raw"), Option.CONFIG, Option.SETTING)
            .withParam("NAME", "the topology", "kill needs NAME");
    private static final Syntax CLUSTER = Syntax.of("cluster", "The cluster.").withSubcommands(
            Syntax.of("up", "Starts it.", Option.value("slots", "N", "slots")), Syntax.of("down", "Stops it."));

    private static Args parse(Syntax syntax, String... argv) {
        return Args.parse(List.of(argv), syntax);
    }

    @Test
    void readsValuesFlagsParametersAndSettingsInAnyOrder() {
        Args a = parse(KILL, "--wait", "5", "-c", "a=1", "x", "--json", "-c", "b=2", "--config=f.yaml");
        assertEquals("x", a.param(0));
        assertNull(a.param(1));
        assertEquals("5", a.get("wait"));
        assertEquals("f.yaml", a.get("config"));
        assertTrue(a.flag("json"));
        assertEquals(List.of("a=1", "b=2"), a.overrides());
        assertFalse(parse(KILL, "x").has("wait"));
        assertFalse(parse(KILL, "x").flag("json"));
    }

    @Test
    void theLastOfARepeatedOptionWinsAndAtFilesAreValues() {
        assertEquals("2", parse(KILL, "x", "--wait", "1", "--wait", "2").get("wait"));
        assertEquals("@list.txt", parse(KILL, "@list.txt").param(0));
    }

    @Test
    void aSubcommandReadsItsOwnOptions() {
        Args a = parse(CLUSTER, "up", "--slots", "3");
        assertEquals("up", a.subcommand());
        assertEquals("3", a.get("slots"));
        assertNull(parse(CLUSTER).subcommand());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x --wat 5|        unknown option --wat; did you mean --wait?",
        "x --wiat 5|       unknown option --wiat; did you mean --wait?",
        "x --bogus=1|      unknown option --bogus",
        "x -j|             unknown option -j",
        "x -- --json|      unknown option --json",
        "x y|              unexpected argument 'y'",
        "x --wait|         --wait needs a value",
        "x -c|             -c needs key=value",
        "--wait 5|         kill needs NAME",
    })
    void eachMistakeIsOneLineNamingTheArgument(String argv, String expected) {
        assertEquals(expected, assertThrows(Args.UsageException.class,
                () -> parse(KILL, argv.trim().split(" +"))).getMessage());
    }

    @Test
    void anUnknownSubcommandNamesTheKnownOnes() {
        assertEquals("cluster dwn: expected up or down; did you mean down?",
                assertThrows(Args.UsageException.class, () -> parse(CLUSTER, "dwn")).getMessage());
    }

    @Test
    void helpAtAnyLevelIsTheHelpOfThatCommand() {
        String up = assertThrows(Args.HelpRequest.class, () -> parse(CLUSTER, "up", "--help")).usage();
        assertTrue(up.startsWith("usage: bin/logriver cluster up [--slots N]\n"), up);
        assertTrue(up.contains("--slots N   slots"), up);
        String kill = assertThrows(Args.HelpRequest.class, () -> parse(KILL, "-h")).usage();
        assertTrue(kill.startsWith("usage: bin/logriver kill NAME [--wait S] [--json] [--config FILE] "
                + "[-c key=value]...\n"), kill);
    }
}
