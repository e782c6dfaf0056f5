package io.logriver.cluster;

import org.apache.storm.messaging.netty.ControlMessage;
import org.apache.storm.messaging.netty.INettySerializable;
import org.apache.storm.shade.io.netty.buffer.ByteBuf;

/**
 * The load figures a worker's server sends its clients, encoded as Storm's (package-private) {@code MessageBatch}
 * encodes a batch of one message: task -1 (short), payload length (int), payload, then the end-of-batch marker.
 */
final class LoadMetricsMessage implements INettySerializable {
    /** The task id Storm's clients read as "load metrics" ({@code Server.LOAD_METRICS_TASK_ID}). */
    static final short LOAD_METRICS_TASK = -1;

    private final byte[] payload;

    LoadMetricsMessage(byte[] payload) {
        this.payload = payload;
    }

    @Override
    public void write(ByteBuf dest) {
        dest.writeShort(LOAD_METRICS_TASK);
        dest.writeInt(payload.length);
        dest.writeBytes(payload);
        ControlMessage.EOB_MESSAGE.write(dest);
    }

    @Override
    public int encodeLength() {
        return Short.BYTES + Integer.BYTES + payload.length + ControlMessage.EOB_MESSAGE.encodeLength();
    }
}
