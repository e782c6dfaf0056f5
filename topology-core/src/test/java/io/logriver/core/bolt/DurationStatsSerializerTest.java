package io.logriver.core.bolt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.logriver.config.ConfigLoader;
import io.logriver.config.ModeProfile;
import io.logriver.core.StormConfigs;
import io.logriver.logic.window.DurationStats;
import java.util.HashMap;
import java.util.Map;
import org.apache.storm.serialization.SerializationFactory;
import org.apache.storm.spout.CheckPointState;
import org.apache.storm.utils.Utils;
import org.junit.jupiter.api.Test;

/** Storm's Kryo, configured as the topology is: a window aggregate in its compact form, and checkpoint tuples. */
class DurationStatsSerializerTest {

    private static Kryo kryo(ModeProfile mode) {
        Map<String, Object> conf = new HashMap<>(Utils.readDefaultConfig());
        conf.putAll(StormConfigs.of(ConfigLoader.defaultConfig(), mode));
        return SerializationFactory.getKryo(conf);
    }

    @Test
    void checkpointTuplesCrossWorkers() {
        Kryo kryo = kryo(ModeProfile.CORE);
        Output out = new Output(64, -1);
        kryo.writeClassAndObject(out, CheckPointState.Action.PREPARE);
        assertEquals(CheckPointState.Action.PREPARE, kryo.readClassAndObject(new Input(out.toBytes())));
    }

    @Test
    void roundTripThroughTheTopologysKryo() {
        Kryo kryo = kryo(ModeProfile.TRIDENT);
        DurationStats s = new DurationStats();
        for (int i = 0; i < 100_000; i++) {
            s.add(i % 100, i % 7 == 0);
        }
        Output out = new Output(1024, -1);
        kryo.writeClassAndObject(out, s);
        assertTrue(out.position() < 400, "bytes: " + out.position());
        DurationStats back = (DurationStats) kryo.readClassAndObject(new Input(out.toBytes()));
        assertEquals(s, back);
        assertEquals(s.summarize(), back.summarize());
    }
}
