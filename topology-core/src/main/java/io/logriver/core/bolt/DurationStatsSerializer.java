package io.logriver.core.bolt;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.logriver.logic.window.DurationStats;

/** Kryo ships a window aggregate between workers in its compact binary form (distinct durations and their counts). */
public final class DurationStatsSerializer extends Serializer<DurationStats> {

    @Override
    public void write(Kryo kryo, Output output, DurationStats stats) {
        byte[] bytes = stats.toBytes();
        output.writeVarInt(bytes.length, true);
        output.writeBytes(bytes);
    }

    @Override
    public DurationStats read(Kryo kryo, Input input, Class<? extends DurationStats> type) {
        return DurationStats.fromBytes(input.readBytes(input.readVarInt(true)));
    }
}
