package io.logriver.trident.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * An {@link EntryStore} in Redis, under one key prefix: a hash {@code PREFIX:entries} of the entries, a hash
 * {@code PREFIX:undo} of the last batch's undo record (each value a flag byte, 1 then the bytes when the entry
 * existed, 0 when it did not) and {@code PREFIX:txid}. A batch is one MULTI/EXEC, so Redis holds either all of it or
 * none; with append-only persistence and an fsync per write, what it acknowledged survives a crash of Redis too.
 * Every key expires {@link #TTL_SECONDS a week} after the partition's last batch.
 * Every failure names the Redis address.
 */
public final class RedisEntryStore implements EntryStore {
    private static final byte[] ABSENT = {0};
    /**
     * How long a state partition's keys live after its last batch: each batch sets it again, so a running topology
     * keeps them, and the namespace of a run that ended (each new ZooKeeper starts one) leaves Redis a week later.
     */
    static final long TTL_SECONDS = java.time.Duration.ofDays(7).toSeconds();

    private final JedisPool pool;
    private final String address;
    private final byte[] entriesKey;
    private final byte[] undoKey;
    private final byte[] txidKey;
    private final String prefix;
    /** The batch this store last read or wrote: Redis must still hold it when the next is written. */
    private long lastTxid = NO_BATCH;

    /**
     * @param address how errors name the server ({@code redis://HOST:PORT (logriver.redis.url)})
     * @param prefix  the state partition's key prefix
     */
    public RedisEntryStore(String host, int port, String address, String prefix) {
        this(new JedisPool(new HostAndPort(host, port),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(5_000).socketTimeoutMillis(5_000).build()),
                address, prefix);
    }

    public RedisEntryStore(JedisPool pool, String address, String prefix) {
        this.pool = pool;
        this.address = address;
        this.entriesKey = bytes(prefix + ":entries");
        this.undoKey = bytes(prefix + ":undo");
        this.txidKey = bytes(prefix + ":txid");
        this.prefix = prefix;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public String toString() {
        return "Redis at " + address + " (" + prefix + ":*)";
    }

    @Override
    public Snapshot load() {
        return call(jedis -> {
            Map<String, byte[]> entries = new HashMap<>();
            jedis.hgetAll(entriesKey).forEach((k, v) -> entries.put(text(k), v));
            Map<String, byte[]> undo = new HashMap<>();
            jedis.hgetAll(undoKey).forEach((k, v) -> undo.put(text(k), v[0] == 0 ? null : Arrays.copyOfRange(v, 1, v.length)));
            byte[] txid = jedis.get(txidKey);
            lastTxid = txid == null ? NO_BATCH : Long.parseLong(text(txid));
            return new Snapshot(entries, lastTxid, undo);
        });
    }

    @Override
    public void write(long txid, Map<String, byte[]> written, Map<String, byte[]> before) {
        Map<byte[], byte[]> puts = new HashMap<>();
        List<byte[]> deletes = new ArrayList<>();
        written.forEach((k, v) -> {
            if (v == null) {
                deletes.add(bytes(k));
            } else {
                puts.put(bytes(k), v);
            }
        });
        Map<byte[], byte[]> undo = new HashMap<>();
        before.forEach((k, v) -> undo.put(bytes(k), v == null ? ABSENT : flagged(v)));
        call(jedis -> {
            if (lastTxid != NO_BATCH && jedis.get(txidKey) == null) { // restarted empty since the last batch
                throw new IllegalStateException(this + " lost " + prefix + ":txid (batch " + lastTxid + ") since the "
                        + "last batch: Redis came back without logriver's state (its append-only file?)");
            }
            Transaction t = jedis.multi();
            if (!puts.isEmpty()) {
                t.hset(entriesKey, puts);
            }
            if (!deletes.isEmpty()) {
                t.hdel(entriesKey, deletes.toArray(new byte[0][]));
            }
            t.del(undoKey);
            if (!undo.isEmpty()) {
                t.hset(undoKey, undo);
            }
            t.set(txidKey, bytes(Long.toString(txid)), SetParams.setParams().ex(TTL_SECONDS));
            t.expire(entriesKey, TTL_SECONDS);
            t.expire(undoKey, TTL_SECONDS);
            if (t.exec() == null) {
                throw new IllegalStateException("Redis at " + address + " discarded the write of batch " + txid);
            }
            lastTxid = txid;
            return null;
        });
    }

    private <T> T call(Function<Jedis, T> call) {
        try (Jedis jedis = pool.getResource()) {
            return call.apply(jedis);
        } catch (JedisException e) {
            throw new IllegalStateException("Redis at " + address + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static byte[] flagged(byte[] value) {
        byte[] f = new byte[value.length + 1];
        f[0] = 1;
        System.arraycopy(value, 0, f, 1, value.length);
        return f;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
