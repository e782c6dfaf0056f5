package io.logriver.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.storm.Config;
import org.apache.storm.grouping.Load;
import org.apache.storm.messaging.ConnectionWithStatus;
import org.apache.storm.messaging.IConnectionCallback;
import org.apache.storm.messaging.TaskMessage;
import org.apache.storm.messaging.netty.BackPressureStatus;
import org.apache.storm.messaging.netty.BackPressureStatusEncoder;
import org.apache.storm.messaging.netty.ISaslServer;
import org.apache.storm.messaging.netty.MessageDecoder;
import org.apache.storm.messaging.netty.NettyRenameThreadFactory;
import org.apache.storm.messaging.netty.NettySerializableMessageEncoder;
import org.apache.storm.messaging.netty.NettyTlsUtils;
import org.apache.storm.messaging.netty.SaslStormServerAuthorizeHandler;
import org.apache.storm.messaging.netty.SaslStormServerHandler;
import org.apache.storm.messaging.netty.StormServerHandler;
import org.apache.storm.serialization.KryoValuesDeserializer;
import org.apache.storm.serialization.KryoValuesSerializer;
import org.apache.storm.shade.io.netty.bootstrap.ServerBootstrap;
import org.apache.storm.shade.io.netty.buffer.PooledByteBufAllocator;
import org.apache.storm.shade.io.netty.channel.Channel;
import org.apache.storm.shade.io.netty.channel.ChannelInitializer;
import org.apache.storm.shade.io.netty.channel.ChannelOption;
import org.apache.storm.shade.io.netty.channel.ChannelPipeline;
import org.apache.storm.shade.io.netty.channel.EventLoopGroup;
import org.apache.storm.shade.io.netty.channel.group.ChannelGroup;
import org.apache.storm.shade.io.netty.channel.group.DefaultChannelGroup;
import org.apache.storm.shade.io.netty.channel.nio.NioEventLoopGroup;
import org.apache.storm.shade.io.netty.channel.socket.nio.NioServerSocketChannel;
import org.apache.storm.shade.io.netty.handler.ssl.SslContext;
import org.apache.storm.shade.io.netty.util.concurrent.GlobalEventExecutor;
import org.apache.storm.utils.ObjectReader;

/**
 * A worker's Netty server on 127.0.0.1: the pipeline of Storm's {@code StormServerPipelineFactory} (optional TLS,
 * Storm's decoder and encoders, optional SASL, {@link StormServerHandler}) and the options of Storm's
 * {@code Server}, which this class follows. It leaves out only Storm's {@code __recv-iconnection} metric.
 */
final class LoopbackServer extends ConnectionWithStatus implements ISaslServer {
    private final Map<String, Object> topoConf;
    private final IConnectionCallback cb;
    private final Supplier<Object> newConnectionResponse;
    private final boolean authenticate;
    private final KryoValuesSerializer serializer;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup channels = new DefaultChannelGroup("storm-server", GlobalEventExecutor.INSTANCE);
    private final int port;
    private volatile boolean closing;

    LoopbackServer(Map<String, Object> topoConf, int port, IConnectionCallback cb, Supplier<Object> newConnectionResponse) {
        this.topoConf = topoConf;
        this.cb = cb;
        this.newConnectionResponse = newConnectionResponse;
        this.authenticate = (Boolean) topoConf.get(Config.STORM_MESSAGING_NETTY_AUTHENTICATION);
        this.serializer = new KryoValuesSerializer(topoConf);
        String name = "Netty-server-127.0.0.1-" + port;
        this.boss = new NioEventLoopGroup(1, new NettyRenameThreadFactory(name + "-boss"));
        int threads = ObjectReader.getInt(topoConf.get(Config.STORM_MESSAGING_NETTY_SERVER_WORKER_THREADS));
        this.workers = new NioEventLoopGroup(Math.max(threads, 0), new NettyRenameThreadFactory(name + "-worker"));
        SslContext tls = NettyTlsUtils.createSslContext(topoConf, true);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG,
                        ObjectReader.getInt(topoConf.get(Config.STORM_MESSAGING_NETTY_SOCKET_BACKLOG), 500))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_RCVBUF,
                        ObjectReader.getInt(topoConf.get(Config.STORM_MESSAGING_NETTY_BUFFER_SIZE)))
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(new Pipeline(tls));
        try {
            Channel channel = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).sync().channel();
            this.port = ((InetSocketAddress) channel.localAddress()).getPort();
            channels.add(channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding 127.0.0.1:" + port, e);
        }
    }

    /** Storm's server pipeline, as {@code StormServerPipelineFactory} builds it. */
    private final class Pipeline extends ChannelInitializer<Channel> {
        private final SslContext tls;

        Pipeline(SslContext tls) {
            this.tls = tls;
        }

        @Override
        protected void initChannel(Channel ch) throws Exception {
            ChannelPipeline p = ch.pipeline();
            if (tls != null) {
                p.addLast("ssl", tls.newHandler(ch.alloc()));
            }
            p.addLast("decoder", new MessageDecoder(new KryoValuesDeserializer(topoConf)));
            p.addLast("netty-serializable-encoder", NettySerializableMessageEncoder.INSTANCE);
            p.addLast("backpressure-encoder", new BackPressureStatusEncoder(new KryoValuesSerializer(topoConf)));
            if (authenticate) {
                p.addLast("saslServerHandler", new SaslStormServerHandler(LoopbackServer.this));
                p.addLast("authorizeServerHandler", new SaslStormServerAuthorizeHandler());
            }
            p.addLast("handler", new StormServerHandler(LoopbackServer.this));
        }
    }

    @Override
    public void channelActive(Channel c) {
        if (!authenticate) {
            authenticated(c);
        }
        channels.add(c);
    }

    @Override
    @SuppressWarnings("unchecked") // Storm's decoder hands the handler a List<TaskMessage>
    public void received(Object message, String remote, Channel channel) throws InterruptedException {
        List<TaskMessage> msgs = (List<TaskMessage>) message;
        if (!closing && !msgs.isEmpty()) {
            cb.recv(msgs);
        }
    }

    @Override
    public String name() {
        return (String) topoConf.get(Config.TOPOLOGY_NAME);
    }

    @Override
    public String secretKey() {
        return topoConf == null ? null : (String) topoConf.get(Config.STORM_ZOOKEEPER_TOPOLOGY_AUTH_PAYLOAD);
    }

    @Override
    public void authenticated(Channel c) {
        if (newConnectionResponse != null) {
            c.writeAndFlush(newConnectionResponse.get(), c.voidPromise());
        }
    }

    @Override
    public void sendLoadMetrics(Map<Integer, Double> taskToLoad) {
        byte[] payload;
        synchronized (serializer) {
            payload = serializer.serialize(List.of(taskToLoad));
        }
        channels.writeAndFlush(new LoadMetricsMessage(payload));
    }

    @Override
    public void sendBackPressureStatus(BackPressureStatus status) {
        channels.writeAndFlush(status);
    }

    @Override
    public void send(Iterator<TaskMessage> msgs) {
        throw new UnsupportedOperationException("a server connection sends no messages");
    }

    @Override
    public Map<Integer, Load> getLoad(Collection<Integer> tasks) {
        throw new UnsupportedOperationException("a server connection has no load");
    }

    @Override
    public int getPort() {
        return port;
    }

    @Override
    public Status status() {
        if (closing) {
            return Status.Closed;
        }
        return channels.stream().allMatch(Channel::isActive) ? Status.Ready : Status.Connecting;
    }

    @Override
    public void close() {
        closing = true;
        channels.close().awaitUninterruptibly();
        workers.shutdownGracefully().awaitUninterruptibly();
        boss.shutdownGracefully().awaitUninterruptibly();
    }

    @Override
    public String toString() {
        return "Netty server listening on 127.0.0.1:" + port;
    }
}
