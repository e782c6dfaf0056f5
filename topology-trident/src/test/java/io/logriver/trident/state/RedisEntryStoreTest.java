package io.logriver.trident.state;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.SetParams;

/**
 * Redis itself is exercised by the integration tests; here, what a worker says when it cannot reach Redis, the expiry
 * of a partition's keys, and a Redis restarted empty between two batches.
 */
class RedisEntryStoreTest {

    @Test
    void aRedisThatDoesNotAnswerIsNamedInTheError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free once closed: nothing listens there
        }
        String address = "redis://127.0.0.1:" + port + " (logriver.redis.url)";
        RedisEntryStore store = new RedisEntryStore("127.0.0.1", port, address, "logriver:trident:test");

        IllegalStateException load = assertThrows(IllegalStateException.class, store::load);
        IllegalStateException write = assertThrows(IllegalStateException.class, () -> store.write(1, Map.of(), Map.of()));

        for (IllegalStateException e : new IllegalStateException[] {load, write}) {
            assertTrue(e.getMessage().startsWith("Redis at " + address + ": "), e.getMessage());
            assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect"), e.getMessage());
        }
    }

    @Test
    void everyBatchKeepsTheKeysForAWeekAndAStoreWhoseTxidVanishedRefusesTheNext() {
        JedisPool pool = mock(JedisPool.class);
        Jedis jedis = mock(Jedis.class);
        Transaction t = mock(Transaction.class);
        when(pool.getResource()).thenReturn(jedis);
        when(jedis.multi()).thenReturn(t);
        when(t.exec()).thenReturn(List.of());
        when(jedis.hgetAll(any(byte[].class))).thenReturn(Map.of());
        when(jedis.get(any(byte[].class))).thenReturn(bytes4(), bytes4(), null);
        RedisEntryStore store = new RedisEntryStore(pool, "redis://127.0.0.1:1 (logriver.redis.url)", "p");

        assertEquals(4, store.load().txid());
        store.write(5, Map.of("k", new byte[] {1}), java.util.Collections.singletonMap("k", null));
        verify(t).expire(bytes("p:entries"), eq(7 * 24 * 3600L));
        verify(t).expire(bytes("p:undo"), eq(7 * 24 * 3600L));
        verify(t).set(bytes("p:txid"), bytes("5"), any(SetParams.class));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.write(6, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("lost p:txid (batch 5) since the last batch"), e.getMessage());
    }

    private static byte[] bytes4() {
        return "4".getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return org.mockito.AdditionalMatchers.aryEq(s.getBytes(StandardCharsets.UTF_8));
    }
}
