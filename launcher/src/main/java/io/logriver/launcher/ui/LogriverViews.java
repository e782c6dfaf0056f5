package io.logriver.launcher.ui;

import io.logriver.launcher.cluster.ClusterLayout;
import io.logriver.ui.server.LogriverView;

/** Where logriver's own view of a topology comes from: the dev cluster's metrics files and topics, or none. */
public final class LogriverViews {
    private LogriverViews() {
    }

    public static LogriverView forCluster(ClusterLayout layout) {
        return null;
    }
}
