package io.logriver.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.storm.messaging.IConnection;
import org.apache.storm.messaging.IConnectionCallback;
import org.apache.storm.messaging.IContext;
import org.apache.storm.messaging.netty.Context;
import org.apache.storm.metrics2.StormMetricRegistry;

/**
 * Storm's Netty messaging between workers, with each worker's server bound to 127.0.0.1 instead of every interface:
 * the dev cluster sets it as {@code storm.messaging.transport}. Storm's own server
 * ({@code org.apache.storm.messaging.netty.Server}, package-private) binds {@code new InetSocketAddress(port)} in its
 * constructor, with no setting for the address. Everything else is Storm's: the clients (its {@link Context}), and
 * the server's pipeline ({@link LoopbackServer}), so the bytes on the wire are those of any Storm cluster.
 */
public final class LoopbackMessaging implements IContext {
    private final Context netty = new Context();
    private final List<LoopbackServer> servers = new ArrayList<>();
    private Map<String, Object> topoConf;

    @Override
    public void prepare(Map<String, Object> topoConf) {
        prepare(topoConf, null);
    }

    @Override
    public void prepare(Map<String, Object> topoConf, StormMetricRegistry metricRegistry) {
        this.topoConf = topoConf;
        netty.prepare(topoConf, metricRegistry);
    }

    @Override
    public synchronized IConnection bind(String stormId, int port, IConnectionCallback cb,
                                         Supplier<Object> newConnectionResponse) {
        LoopbackServer server = new LoopbackServer(topoConf, port, cb, newConnectionResponse);
        servers.add(server);
        return server;
    }

    @Override
    public IConnection connect(String stormId, String host, int port, AtomicBoolean[] remoteBpStatus) {
        return netty.connect(stormId, host, port, remoteBpStatus);
    }

    @Override
    public synchronized void term() {
        for (LoopbackServer s : servers) {
            s.close();
        }
        servers.clear();
        netty.term();
    }
}
