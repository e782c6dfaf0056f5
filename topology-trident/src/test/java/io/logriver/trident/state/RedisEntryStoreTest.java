package io.logriver.trident.state;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redis itself is exercised by the integration tests; here, what a worker says when it cannot reach Redis. */
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
}
