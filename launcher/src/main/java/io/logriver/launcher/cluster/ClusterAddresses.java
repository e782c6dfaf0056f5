package io.logriver.launcher.cluster;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Args;
import io.logriver.broker.KafkaBroker;
import java.time.Duration;

/**
 * The Kafka broker and the Redis a command talks to: the one named on its command line ({@code --kafka HOST:PORT},
 * {@code --redis HOST:PORT}), else the one its configuration names ({@code --config FILE} or {@code -c key=value}),
 * else the dev cluster's (when {@code cluster up} ran in the work directory), else the default on 127.0.0.1.
 */
public final class ClusterAddresses {
    private ClusterAddresses() {
    }

    /** HOST:PORT[,HOST:PORT...] of the broker; {@code dev} is null when the command does not talk to the dev cluster. */
    public static String kafka(Args args, ClusterState dev) {
        if (args.has("kafka")) {
            return args.get("kafka");
        }
        LogriverConfig c = args.config();
        boolean configured = configured(args, LogriverConfig.BOOTSTRAP_SERVERS.name())
                || !c.bootstrapServers().equals(ConfigLoader.defaultConfig().bootstrapServers());
        return dev != null && !configured ? dev.kafka() : c.bootstrapServers();
    }

    /** {@code redis://HOST:PORT} of the topologies' state, chosen as {@link #kafka} chooses the broker. */
    public static String redis(Args args, ClusterState dev) {
        if (args.has("redis")) {
            return "redis://" + args.get("redis");
        }
        LogriverConfig c = args.config();
        boolean configured = configured(args, LogriverConfig.REDIS_URL.name())
                || !c.state().redisAddress().equals(ConfigLoader.defaultConfig().state().redisAddress());
        return "redis://" + (dev != null && !configured ? dev.redis() : c.state().redisAddress());
    }

    /** The configuration with the broker of {@link #kafka}: where topic names and the rest come from. */
    public static LogriverConfig configWithKafka(Args args) throws Exception {
        ClusterState dev = ClusterState.load(ClusterCommand.layout(args));
        try {
            return args.config().with(java.util.Map.of(LogriverConfig.BOOTSTRAP_SERVERS.name(), kafka(args, dev)));
        } catch (io.logriver.config.ConfigException e) {
            throw new Args.UsageException("configuration: " + e.getMessage());
        }
    }

    /** Fails with one line naming the address unless a Kafka broker answers there. */
    public static void requireKafka(String bootstrapServers) {
        if (!KafkaBroker.answers(bootstrapServers, Duration.ofSeconds(10))) {
            throw new IllegalStateException("no Kafka broker answers at " + bootstrapServers
                    + " (--kafka HOST:PORT or " + LogriverConfig.BOOTSTRAP_SERVERS + ")");
        }
    }

    private static boolean configured(Args args, String key) {
        return args.overrides().stream().anyMatch(o -> o.startsWith(key + "="));
    }
}
