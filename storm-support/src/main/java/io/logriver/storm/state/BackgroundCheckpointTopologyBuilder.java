package io.logriver.storm.state;

import org.apache.storm.state.State;
import org.apache.storm.topology.BoltDeclarer;
import org.apache.storm.topology.IRichBolt;
import org.apache.storm.topology.IStatefulBolt;
import org.apache.storm.topology.StatefulBoltExecutor;
import org.apache.storm.topology.TopologyBuilder;

/**
 * A {@link TopologyBuilder} whose stateful bolts run in a {@link BackgroundCheckpointExecutor}. Storm's builder wraps
 * every {@link IStatefulBolt} in its own {@link StatefulBoltExecutor}, and only a stateful bolt added that way gets the
 * checkpoint spout and its streams; so the bolt still goes through {@code setBolt(id, IStatefulBolt, ...)}, and the
 * executor Storm's builder makes for it is swapped for ours on its way in.
 */
public final class BackgroundCheckpointTopologyBuilder extends TopologyBuilder {
    private IStatefulBolt<?> adding;

    @Override
    public <T extends State> BoltDeclarer setBolt(String id, IStatefulBolt<T> bolt, Number parallelismHint) {
        adding = bolt;
        try {
            return super.setBolt(id, bolt, parallelismHint);
        } finally {
            adding = null;
        }
    }

    @Override
    public BoltDeclarer setBolt(String id, IRichBolt bolt, Number parallelismHint) {
        if (adding != null) { // the StatefulBoltExecutor Storm's builder just made for it
            return super.setBolt(id, background(adding), parallelismHint);
        }
        return super.setBolt(id, bolt, parallelismHint);
    }

    private static <T extends State> BackgroundCheckpointExecutor<T> background(IStatefulBolt<T> bolt) {
        return new BackgroundCheckpointExecutor<>(bolt);
    }
}
