package io.logriver.launcher;

import io.logriver.launcher.bench.BenchCommand;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cluster.ClusterCommand;
import io.logriver.launcher.feed.GenerateCommand;
import io.logriver.launcher.feed.ReplayCommand;
import io.logriver.launcher.feed.ReprocessCommand;
import io.logriver.launcher.feed.WatchCommand;
import io.logriver.launcher.submit.KillCommand;
import io.logriver.launcher.submit.ListCommand;
import io.logriver.launcher.submit.RebalanceCommand;
import io.logriver.launcher.submit.StatsCommand;
import io.logriver.launcher.submit.SubmitCommand;
import io.logriver.launcher.soak.SoakCommand;
import io.logriver.launcher.ui.UiCommand;
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

    static final String USAGE = String.join("\n",
            "usage: bin/logriver run [--mode core|trident] [--duration S] [--config FILE] [-c key=value]...",
            "       bin/logriver run --input requests.jsonl [--sessions sessions.jsonl] --output results.jsonl",
            "                        [--dlq dlq.jsonl] [--config FILE] [-c key=value]...",
            "       bin/logriver cluster up|down|status [--ports default|free] [--slots N]",
            "       bin/logriver submit [--mode core|trident] [--nimbus HOST[:PORT]] [--kafka HOST:PORT] [--name NAME]",
            "                           [--config FILE] [-c key=value]...",
            "       bin/logriver generate [--kafka HOST:PORT] [--rate N] [--duration S] [--sessions N] [--seed N]",
            "                             [--topics PREFIX] [--config FILE] [-c key=value]...",
            "       bin/logriver replay [--input requests.jsonl] [--sessions sessions.jsonl] [--end-of-input]",
            "                           [--kafka HOST:PORT] [--rate N|max] [--config FILE] [-c key=value]...",
            "       bin/logriver watch [--topic T] [--org ORG] [--url PREFIX] [--from-beginning] [--dlq] [--json]",
            "                          [--until-idle S] [--kafka HOST:PORT] [--config FILE] [-c key=value]...",
            "       bin/logriver reprocess NAME --to-topic T [--from earliest|TIME] [--name NEW] [--dlq-topic D]",
            "                              [--wait S] [--nimbus HOST[:PORT]] [--kafka HOST:PORT] [-c key=value]...",
            "       bin/logriver list [--nimbus HOST[:PORT]]",
            "       bin/logriver stats [NAME] [--nimbus HOST[:PORT]] [--metrics-dir DIR]",
            "       bin/logriver kill NAME [--wait S] [--nimbus HOST[:PORT]]",
            "       bin/logriver rebalance NAME --workers N [--wait S] [--nimbus HOST[:PORT]]",
            "       bin/logriver ui [--port 8080] [--nimbus HOST[:PORT]] [--host 127.0.0.1]",
            "       bin/logriver bench [--mode core|trident|both|kstreams|flink|all] [--rates 1000,5000,...] [--workers 1,2]",
            "                          [--duration S] [--backends redis,memory] [--batches 50ms/1000x2,...] [--quick]",
            "                          [--variants 'base;NAME:key=value,...'] [--rounds N]",
            "       bin/logriver soak [--mode core|trident|both] [--rate N] [--duration 60m] [--every 5m] [--seed S]",
            "                         [--faults worker,redis,broker,pause] [--quick] [--report-dir DIR]",
            "  run            live mode: a Kafka broker, a generator of sessions and access logs, the core topology",
            "                 in a local Storm cluster, and a live view every few seconds; stops on Ctrl-C or --duration",
            "  run --input    file mode: replays the files through Kafka and the same topology, writes the final",
            "                 windows sorted by windowStart, orgID, webURL, and prints a summary line",
            "  cluster        a real Storm cluster on this machine (ZooKeeper, Nimbus, a Supervisor with 4 slots, Kafka),",
            "                 separate JVMs on 127.0.0.1 with their state and logs in work/cluster/",
            "  submit         creates the topics, then submits the topology jar as storm jar does (Nimbus: the dev",
            "                 cluster's unless --nimbus is given)",
            "  bench          latency/throughput of both modes: ceilings, then a sweep of offered rates (--mode all:",
            "                 and the same job on Kafka Streams and Flink); writes bench/results/<date>-<host>.md,",
            "                 .csv and .png (--quick: a smoke test under 3 minutes, without the peers)",
            "  generate       the generator of run, into the topics of a submitted topology (the dev cluster's broker",
            "                 unless --kafka is given); stops after --duration or on Ctrl-C",
            "  replay         writes files of records to those topics, in order (--end-of-input ends the input for good)",
            "  watch          follows the window records (slowest URLs of each window), or --dlq the dead letters",
            "  reprocess      Kappa: a copy of a running topology reads the request topic again into a new output topic",
            "  soak           hours of steady load on a dev cluster of its own, with faults on a seeded schedule; every",
            "                 closed window checked against an independent reference, each fault's recovery time, memory",
            "                 slopes; writes bench/results/<date>-soak-<host>.md, .csv and .png (--quick: 3 minutes, CI)",
            "  list, stats, kill  the topologies on that Nimbus; stats shows the Storm UI's figures and logriver's metrics",
            "  rebalance      spreads a topology over N workers, as storm rebalance -n N does",
            "  ui             Storm's UI pages, its REST API (/api/v1) and Prometheus /metrics for a Nimbus (the dev",
            "                 cluster's unless --nimbus is given); cluster up and run start it too",
            "options: --work-dir DIR (default: work/ in the logriver checkout) holds the broker's data, the dev cluster",
            "         and the logs");

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    /**
     * Runs one command and returns its exit status: 0 done, 1 failed, 2 a wrong command line. It never throws: a
     * failure is one line on {@code err} saying what is wrong (and, for a wrong command line, where the usage is), its
     * details go to the log.
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            out.println(USAGE);
            return 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "run" -> new RunCommand(out, err).run(rest);
                case "bench" -> new BenchCommand(out, err).run(rest);
                case "cluster" -> new ClusterCommand(out, err).run(rest);
                case "submit" -> new SubmitCommand(err).run(rest);
                case "generate" -> new GenerateCommand(out, err).run(rest);
                case "replay" -> new ReplayCommand(out, err).run(rest);
                case "watch" -> new WatchCommand(out, err).run(rest);
                case "reprocess" -> new ReprocessCommand(out, err).run(rest);
                case "list" -> new ListCommand().run(rest, out);
                case "stats" -> new StatsCommand().run(rest, out);
                case "kill" -> new KillCommand(err).run(rest);
                case "rebalance" -> new RebalanceCommand(err).run(rest);
                case "soak" -> new SoakCommand(out, err).run(rest);
                case "ui" -> new UiCommand(out).run(rest);
                default -> throw new Args.UsageException("unknown command '" + args.get(0) + "'");
            };
        } catch (Args.UsageException e) {
            err.println("logriver: " + e.getMessage() + " (bin/logriver help shows every command and option)");
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
