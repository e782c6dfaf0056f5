package io.logriver.launcher;

import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Syntax;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code bin/logriver COMMAND [options]}: one small class per command. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    /**
     * Runs one command and returns its exit status: 0 done, 1 failed, 2 a wrong command line. It never throws: a
     * failure is one line on {@code err} saying what is wrong (and, for a wrong command line, where the usage is), its
     * details go to the log.
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            if (args.isEmpty()) {
                return Commands.named(Commands.HELP.name()).run(args, out, err);
            }
            // the whole line first: a mistyped command, an unknown option or --help, before any command starts
            Args.parse(args, Commands.parser());
            return Commands.named(args.get(0)).run(args.subList(1, args.size()), out, err);
        } catch (Args.HelpRequest h) {
            out.print(h.usage());
            return 0;
        } catch (Args.UsageException e) {
            err.println("logriver: " + e.getMessage() + " (" + Syntax.HINT + ")");
            return 2;
        } catch (Exception | LinkageError e) {
            LOG.error("bin/logriver {} failed", String.join(" ", args), e);
            err.println("logriver: " + oneLine(e) + " (details: " + logFile() + ")");
            return 1;
        }
    }

    /** What went wrong, on one line: the message of the exception that carries one, not of its wrappers. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException || t instanceof UncheckedIOException
                || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof NoSuchFileException) {
            m = "no such file or directory: " + m;
        } else if (t instanceof AccessDeniedException) {
            m = "permission denied: " + m;
        } else if (t instanceof FileAlreadyExistsException) {
            m = "already exists: " + m;
        }
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline).trim() + " ...";
    }

    /** Where bin/logriver writes its log. */
    static Path logFile() {
        return Path.of(System.getProperty("logriver.logdir", "work/logs"), "logriver.log");
    }
}
