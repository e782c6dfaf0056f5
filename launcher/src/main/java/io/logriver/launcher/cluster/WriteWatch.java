package io.logriver.launcher.cluster;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

/**
 * Waits, through Redis's {@code MONITOR}, for the first write of a key that starts with a prefix: the moment a
 * topology's checkpoint (core) or batch (Trident) reaches Redis, when a fault does the most harm.
 */
final class WriteWatch {
    private static final Logger LOG = LoggerFactory.getLogger(WriteWatch.class);
    private static final Set<String> WRITES = Set.of("HSET", "HMSET", "HDEL", "DEL", "SET", "EXPIRE", "PEXPIRE");

    private WriteWatch() {
    }

    /**
     * Whether a line of {@code MONITOR} ({@code 1701900000.123 [0 127.0.0.1:5432] "HSET" "key" ...}) writes a key that
     * starts with {@code prefix}.
     */
    static boolean writes(String line, String prefix) {
        int cmd = line.indexOf("] \"");
        if (cmd < 0) {
            return false;
        }
        int end = line.indexOf('"', cmd + 3);
        String name = end < 0 ? "" : line.substring(cmd + 3, end).toUpperCase(Locale.ROOT);
        return WRITES.contains(name) && line.startsWith("\"" + prefix, end + 2);
    }

    /**
     * Runs {@code then} as soon as Redis at {@code host:port} is asked to write a key starting with {@code prefix};
     * false when none came within {@code timeout}.
     */
    static boolean onFirstWrite(String host, int port, String prefix, Duration timeout, Runnable then)
            throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(1);
        Jedis jedis = new Jedis(host, port, 2000);
        Thread monitor = new Thread(() -> {
            try {
                jedis.monitor(new JedisMonitor() {
                    @Override
                    public void onCommand(String line) {
                        if (seen.getCount() > 0 && writes(line, prefix)) {
                            then.run();
                            seen.countDown();
                        }
                    }
                });
            } catch (RuntimeException e) { // the connection closed below, or Redis went away: the wait below decides
                LOG.debug("Redis MONITOR ended", e);
            }
        }, "redis-monitor");
        monitor.setDaemon(true);
        monitor.start();
        try {
            return seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            jedis.disconnect();
            monitor.join(2000);
        }
    }
}
