package io.logriver.trident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.logriver.config.ConfigLoader;
import io.logriver.config.ModeProfile;
import io.logriver.core.StormConfigs;
import java.util.List;
import java.util.Map;
import org.apache.storm.serialization.KryoValuesDeserializer;
import org.apache.storm.serialization.KryoValuesSerializer;
import org.apache.storm.utils.Utils;

/**
 * Storm's tuple serialization as a worker uses it for a tuple bound to another worker: Kryo with the topology's own
 * registrations and Storm's defaults (no fallback to Java serialization, so an unregistered class fails).
 */
final class KryoRoundTrip {
    private final KryoValuesSerializer serializer;
    private final KryoValuesDeserializer deserializer;

    KryoRoundTrip(ModeProfile mode) {
        Map<String, Object> conf = Utils.readDefaultConfig();
        conf.putAll(StormConfigs.of(ConfigLoader.defaultConfig(), mode));
        serializer = new KryoValuesSerializer(conf);
        deserializer = new KryoValuesDeserializer(conf);
    }

    /** The row as the receiving worker gets it; the same bytes again when it is serialized there. */
    List<Object> of(List<Object> row) {
        byte[] bytes = serializer.serialize(row);
        List<Object> back = deserializer.deserialize(bytes);
        assertArrayEquals(bytes, serializer.serialize(back), "another row came back: " + back);
        return back;
    }
}
