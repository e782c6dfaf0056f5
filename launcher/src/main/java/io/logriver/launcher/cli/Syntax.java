package io.logriver.launcher.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What a command accepts, declared once: its name, what it does, its parameters (the topology's NAME), its options,
 * and its subcommands ({@code cluster up|down|status}). picocli's parser, the command's {@code --help} and the
 * synopsis of {@code bin/logriver help} are all made from it.
 */
public record Syntax(String name, String description, List<Param> params, List<Option> options,
                     List<Syntax> subcommands) {
    /** Where the help of every command is, the end of the line of each usage error. */
    public static final String HINT = "bin/logriver help shows every command and option";
    static final String PROGRAM = "bin/logriver";
    private static final String USAGE_INDENT = " ".repeat("usage: ".length());
    private static final int WIDTH = 120;

    /**
     * A parameter; {@code whenMissing} is the error when it is left out ({@link Args} checks it, in these words), or
     * null when it is optional.
     */
    public record Param(String label, String description, String whenMissing) {
        String synopsis() {
            return whenMissing == null ? "[" + label + "]" : label;
        }
    }

    public static Syntax of(String name, String description, Option... options) {
        return new Syntax(name, description, List.of(), List.of(options), List.of());
    }

    /** This command with a parameter more; {@code whenMissing} null: an optional one. */
    public Syntax withParam(String label, String paramDescription, String whenMissing) {
        List<Param> all = new ArrayList<>(params);
        all.add(new Param(label, paramDescription, whenMissing));
        return new Syntax(name, description, all, options, subcommands);
    }

    /** This command with subcommands, one of which follows its name. */
    public Syntax withSubcommands(Syntax... subs) {
        return new Syntax(name, description, params, options, List.of(subs));
    }

    /** The synopsis, {@code usage: bin/logriver kill NAME [--wait S] ...}, wrapped at 120 columns. */
    public List<String> synopsis() {
        return usage(synopsis(PROGRAM));
    }

    /** The synopsis lines, each indented by as many columns as {@code usage: } takes. */
    private List<String> synopsis(String parents) {
        List<String> words = new ArrayList<>(List.of(USAGE_INDENT + parents + " " + name));
        if (!subcommands.isEmpty()) {
            words.add(String.join("|", subcommands.stream().map(Syntax::name).toList()));
        }
        params.forEach(p -> words.add(p.synopsis()));
        Set<Option> all = new LinkedHashSet<>(options);
        subcommands.forEach(s -> all.addAll(s.options()));
        all.forEach(o -> words.add(o.synopsis()));
        return wrap(words);
    }

    /** Words on lines of at most 120 columns, each line after the first indented under the second word. */
    private static List<String> wrap(List<String> words) {
        List<String> lines = new ArrayList<>();
        String indent = " ".repeat(words.get(0).length() + 1);
        StringBuilder line = new StringBuilder(words.get(0));
        for (String w : words.subList(1, words.size())) {
            if (line.length() + 1 + w.length() > WIDTH && line.length() > indent.length()) {
                lines.add(line.toString());
                line = new StringBuilder(indent).append(w);
            } else {
                line.append(' ').append(w);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static List<String> usage(List<String> synopsis) {
        List<String> lines = new ArrayList<>(synopsis);
        lines.set(0, "usage: " + lines.get(0).substring(USAGE_INDENT.length()));
        return lines;
    }

    /** picocli's parser of this command (and its subcommands), as {@code bin/logriver} names it. */
    public CommandLine parser() {
        return line(PROGRAM);
    }

    /**
     * The parser of {@code bin/logriver} itself: {@code commands} as its subcommands, their synopses as its usage.
     */
    public static CommandLine parser(String description, List<Syntax> commands, String... footer) {
        CommandSpec root = CommandSpec.create().name(PROGRAM);
        List<String> synopsis = new ArrayList<>();
        commands.forEach(c -> synopsis.addAll(c.synopsis(PROGRAM)));
        usage(root, usage(synopsis), description).footer(footer);
        root.addOption(help());
        CommandLine line = new CommandLine(root);
        commands.forEach(c -> line.addSubcommand(c.name(), c.line(PROGRAM)));
        return settings(line);
    }

    private CommandLine line(String parents) {
        CommandLine line = new CommandLine(spec(parents));
        subcommands.forEach(s -> line.addSubcommand(s.name(), s.line(parents + " " + name)));
        return settings(line);
    }

    /** As the old parser did: the last of a repeated option wins, and {@code @file} is a value like any other. */
    private static CommandLine settings(CommandLine line) {
        return line.setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
    }

    private CommandSpec spec(String parents) {
        CommandSpec s = CommandSpec.create().name(name);
        usage(s, usage(synopsis(parents)), description).parameterListHeading("%nparameters:%n");
        params.forEach(p -> s.addPositional(PositionalParamSpec.builder().paramLabel(p.label()).arity("0..1")
                .hideParamSyntax(p.whenMissing() != null).description(p.description()).type(String.class).build()));
        options.forEach(o -> s.addOption(o.spec()));
        s.addOption(help());
        return s;
    }

    private static CommandLine.Model.UsageMessageSpec usage(CommandSpec s, List<String> synopsis, String text) {
        return s.usageMessage().customSynopsis(synopsis.toArray(String[]::new)).synopsisHeading("")
                .description(text).sortOptions(false).width(WIDTH).longOptionsMaxWidth(32).descriptionHeading("%n")
                .optionListHeading("%noptions:%n").commandListHeading("%ncommands:%n");
    }

    private static OptionSpec help() {
        return OptionSpec.builder("-h", "--help").usageHelp(true).description("shows this help").build();
    }

    /** The help of a command: its usage, then each parameter and option with what it does, as in the synopsis. */
    public static String help(CommandLine command) {
        command.getCommandSpec().parser().separator(" "); // --wait S, as the synopsis shows it (--wait=S works too)
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}
