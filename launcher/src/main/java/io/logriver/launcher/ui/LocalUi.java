package io.logriver.launcher.ui;

import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.local.LocalStorm;
import io.logriver.ui.nimbus.ThriftNimbus;
import io.logriver.ui.server.UiServer;
import java.io.IOException;
import java.util.List;

/** The Storm UI of {@code run}'s local cluster: its Nimbus in this JVM, served on 127.0.0.1. */
public final class LocalUi {
    private LocalUi() {
    }

    public static UiServer start(LocalStorm storm, int port) throws Exception {
        try {
            return UiServer.start(ClusterState.HOST, port, ThriftNimbus.local(storm.cluster(), "the local cluster"),
                    List.of(), LogriverViews.forLocalRun());
        } catch (IOException e) {
            throw new IllegalStateException(UiCommand.cannotListen(ClusterState.HOST, port)
                    .replace("--port", "--ui-port"), e);
        }
    }
}
