package io.logriver.launcher.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Whether a Redis server answers at HOST:PORT: a PING over a plain socket, so the launcher needs no Redis client. */
public final class RedisAddress {
    static final String LOOPBACK = "127.0.0.1";

    private RedisAddress() {
    }

    /** True when something at {@code hostPort} answers PING with PONG within the timeout. */
    public static boolean answers(String hostPort, Duration timeout) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
                    (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
