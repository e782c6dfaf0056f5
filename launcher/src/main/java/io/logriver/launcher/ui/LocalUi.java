package io.logriver.launcher.ui;

import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.local.LocalStorm;
import io.logriver.ui.nimbus.ThriftNimbus;
import io.logriver.ui.server.UiServer;
import java.io.IOException;
import java.util.List;

/**
 * The Storm UI of {@code run}'s local cluster: its Nimbus in this JVM, served on 127.0.0.1. On the default port, taken
 * (by the dev cluster's UI, say), it takes a free one; on a port asked for with {@code --ui-port}, it fails.
 */
public final class LocalUi {
    private LocalUi() {
    }

    public static UiServer start(LocalStorm storm, int port, boolean asked) throws Exception {
        try {
            return start(storm, port);
        } catch (IOException e) {
            if (!asked) {
                return start(storm, 0);
            }
            throw new IllegalStateException(UiCommand.cannotListen(ClusterState.HOST, port)
                    .replace("--port", "--ui-port"), e);
        }
    }

    /**
     * The local cluster's Nimbus daemon itself: LocalCluster's own Nimbus interface answers the topology and component
     * pages, and Nimbus's configuration, with "NOT IMPLEMENTED YET" (Storm 2.8.3).
     */
    private static UiServer start(LocalStorm storm, int port) throws Exception {
        ThriftNimbus nimbus = ThriftNimbus.local(storm.cluster().getNimbus(), "the local cluster");
        return UiServer.start(ClusterState.HOST, port, nimbus, List.of(), LogriverViews.forLocalRun());
    }
}
