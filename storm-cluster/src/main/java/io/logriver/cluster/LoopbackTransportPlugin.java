package io.logriver.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.storm.security.auth.ReqContext;
import org.apache.storm.security.auth.SimpleTransportPlugin;
import org.apache.storm.thrift.TException;
import org.apache.storm.thrift.TProcessor;
import org.apache.storm.thrift.protocol.TBinaryProtocol;
import org.apache.storm.thrift.protocol.TProtocol;
import org.apache.storm.thrift.server.THsHaServer;
import org.apache.storm.thrift.server.TServer;
import org.apache.storm.thrift.transport.TNonblockingServerSocket;
import org.apache.storm.thrift.transport.TTransportException;

/**
 * Storm's default Thrift transport (framed, unauthenticated, {@link SimpleTransportPlugin}) with its servers bound to
 * 127.0.0.1 instead of every interface: the dev cluster's Nimbus and Supervisor set it as
 * {@code storm.thrift.transport}. Clients are unchanged, so any Storm client (the Storm UI, {@code storm list})
 * talks to them as to any Nimbus.
 *
 * <p>Its request threads are Storm's: {@code nimbus.thrift.threads} (64) with a queue of {@code nimbus.queue.size}
 * (the Supervisor's likewise). {@link THsHaServer}'s own pool, given only a maximum, never grows past its 5 core
 * threads, since its queue has no bound: a rebalance, the Supervisor's downloads and the UI's page calls then kept
 * a client's call waiting past its 30 s read timeout (a CI run of {@code UiBrowserIT}).
 */
public class LoopbackTransportPlugin extends SimpleTransportPlugin {
    private int boundPort;

    @Override
    public TServer getServer(TProcessor processor) throws IOException, TTransportException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), type.getPort(topoConf));
        TNonblockingServerSocket socket = new TNonblockingServerSocket(address);
        boundPort = socket.getPort();
        int threads = type.getNumThreads(topoConf);
        int maxBuffer = type.getMaxBufferSize(topoConf);
        THsHaServer.Args args = new THsHaServer.Args(socket)
                .processor(new LocalContextProcessor(processor))
                .maxWorkerThreads(threads)
                .protocolFactory(new TBinaryProtocol.Factory(false, true, maxBuffer, -1));
        args.maxReadBufferBytes = maxBuffer;
        Integer queue = type.getQueueSize(topoConf);
        if (queue != null) {
            args.executorService(new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(queue)));
        }
        return new THsHaServer(args);
    }

    @Override
    public int getPort() {
        return boundPort;
    }

    /** Fills the request context as the simple transport does: a loopback caller, no authenticated user. */
    private record LocalContextProcessor(TProcessor wrapped) implements TProcessor {
        @Override
        public void process(TProtocol in, TProtocol out) throws TException {
            ReqContext context = ReqContext.context();
            context.setRemoteAddress(InetAddress.getLoopbackAddress());
            context.setSubject(null);
            wrapped.process(in, out);
        }
    }
}
