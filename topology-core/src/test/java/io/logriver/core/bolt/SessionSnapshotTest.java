package io.logriver.core.bolt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.logriver.logic.SessionTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSnapshotTest {
    private static final List<byte[]> RECORDS = List.of(
            bytes("{\"sessionID\":\"s1\",\"userID\":\"u1\",\"orgID\":\"org-1\"}"),
            bytes("NOT A SESSION"),
            bytes("{\"sessionID\":\"s2\",\"userID\":\"u2\",\"orgID\":\"org-2\"}"),
            bytes("{\"sessionID\":\"s1\",\"userID\":\"u1\",\"orgID\":\"org-moved\"}"));

    @Test
    void anInMemorySnapshotAppliesItsValidRecordsInOrderSoTheLatestOfASessionWins() {
        SessionTable table = new SessionTable();
        assertEquals(3, SessionSnapshot.of(RECORDS).load(table));
        assertEquals(2, table.size());
        assertEquals("org-moved", table.get("s1").orgID());
        assertEquals("org-2", table.get("s2").orgID());
    }

    @Test
    void itTravelsWithTheTopologyAsJavaSerializationCarriesABolt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(SessionSnapshot.of(RECORDS));
        }
        SessionSnapshot copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            copy = (SessionSnapshot) in.readObject();
        }
        SessionTable table = new SessionTable();
        assertEquals(3, copy.load(table));
        assertEquals("org-moved", table.get("s1").orgID());
    }

    @Test
    void noneLeavesTheTableEmpty() {
        SessionTable table = new SessionTable();
        assertEquals(0, SessionSnapshot.none().load(table));
        assertNull(table.get("s1"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
