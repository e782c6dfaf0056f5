package io.logriver.launcher.ui;

import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.cluster.ClusterCommand;
import io.logriver.launcher.cluster.ClusterLayout;
import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.submit.SubmitCommand;
import io.logriver.ui.nimbus.ThriftNimbus;
import io.logriver.ui.server.UiServer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ui [--port 8080] [--nimbus HOST[:PORT]] [--host 127.0.0.1]}: Storm's UI pages, its REST API and
 * {@code /metrics} for a Nimbus (the dev cluster's unless {@code --nimbus} is given), until stopped.
 */
public final class UiCommand {
    public static final Syntax SYNTAX = Syntax.of("ui", "Storm's UI pages, its REST API (/api/v1) and Prometheus "
                    + "/metrics for a Nimbus (the dev cluster's unless --nimbus is given), until Ctrl-C; cluster up "
                    + "and run start it too.",
            Option.value("port", "N", "the port to listen on (default 8080; 0: any free one)"), Option.NIMBUS,
            Option.value("host", "ADDRESS", "the address to listen on (default 127.0.0.1)"), Option.WORK_DIR);
    public static final int DEFAULT_PORT = 8080;

    private final PrintStream out;

    public UiCommand(PrintStream out) {
        this.out = out;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        int port = args.number("port", 0, DEFAULT_PORT, "a port from 0 to 65535 (0: any free one)");
        if (port > 65535) {
            throw new Args.UsageException("--port " + port + ": expected a port from 0 to 65535");
        }
        String host = args.has("host") ? args.get("host") : ClusterState.HOST;
        ClusterLayout layout = ClusterCommand.layout(args);
        String nimbus = SubmitCommand.nimbus(args, ClusterState.load(layout)).address();
        try (UiServer server = start(host, port, nimbus, layout)) {
            out.println("Storm UI at " + server.url() + " for Nimbus at " + nimbus + " (Ctrl-C stops it)");
            server.join();
        }
        return 0;
    }

    private static UiServer start(String host, int port, String nimbus, ClusterLayout layout) throws Exception {
        try {
            ThriftNimbus api = ThriftNimbus.remote(nimbus);
            return UiServer.start(host, port, api, List.of(new LogriverCollector(api, layout)),
                    LogriverViews.forCluster(layout));
        } catch (IOException e) {
            throw new IllegalStateException(cannotListen(host, port), e);
        }
    }

    /** Why the UI cannot start on a port: Jetty's bind error says it in words of its own. */
    public static String cannotListen(String host, int port) {
        return "the Storm UI cannot listen on " + host + ":" + port + ": the port is taken; --port N takes another, "
                + "--port 0 a free one";
    }
}
