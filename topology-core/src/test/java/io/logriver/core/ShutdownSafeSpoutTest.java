package io.logriver.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichSpout;
import org.junit.jupiter.api.Test;

class ShutdownSafeSpoutTest {
    /** A spout whose nextTuple fails as the KafkaSpout's does on a closed consumer. */
    static final class ClosedConsumer extends BaseRichSpout {
        int closes;

        @Override
        public void open(Map<String, Object> conf, TopologyContext context, SpoutOutputCollector collector) {
        }

        @Override
        public void nextTuple() {
            throw new IllegalStateException("This consumer has already been closed.");
        }

        @Override
        public void close() {
            closes++;
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {
        }
    }

    @Test
    void anOpenSpoutsFailurePassesOn() {
        ShutdownSafeSpout spout = new ShutdownSafeSpout(new ClosedConsumer());
        assertEquals("This consumer has already been closed.",
                assertThrows(IllegalStateException.class, spout::nextTuple).getMessage());
    }

    @Test
    void aClosedSpoutsLastNextTupleEndsQuietly() {
        ClosedConsumer inner = new ClosedConsumer();
        ShutdownSafeSpout spout = new ShutdownSafeSpout(inner);
        spout.close();
        spout.nextTuple(); // Storm's executor thread, still running after close()
        assertEquals(1, inner.closes);
    }
}
