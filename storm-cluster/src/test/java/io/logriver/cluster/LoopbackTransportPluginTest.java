package io.logriver.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.storm.generated.Nimbus;
import org.apache.storm.security.auth.ThriftConnectionType;
import org.apache.storm.thrift.protocol.TBinaryProtocol;
import org.apache.storm.thrift.server.TServer;
import org.apache.storm.thrift.transport.TSocket;
import org.apache.storm.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.Test;

class LoopbackTransportPluginTest {
    private static final int CALLS = 12;

    /** Twelve calls that each wait for all the others: they finish only if the server runs them all at once. */
    @Test
    void nimbusServesAsManyCallsAtOnceAsItsThreadsSetting() throws Exception {
        CountDownLatch all = new CountDownLatch(CALLS);
        Nimbus.Iface nimbus = (Nimbus.Iface) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Nimbus.Iface.class}, (proxy, method, args) -> {
                    all.countDown();
                    return all.await(10, TimeUnit.SECONDS) ? "{}" : "alone";
                });
        Map<String, Object> conf = new HashMap<>();
        conf.put("nimbus.thrift.port", 0);
        conf.put("nimbus.thrift.threads", 64);
        conf.put("nimbus.queue.size", 100_000);
        conf.put("nimbus.thrift.max_buffer_size", 1_048_576);
        LoopbackTransportPlugin plugin = new LoopbackTransportPlugin();
        plugin.prepare(ThriftConnectionType.NIMBUS, conf);
        TServer server = plugin.getServer(new Nimbus.Processor<>(nimbus));
        Thread serving = new Thread(server::serve, "nimbus-thrift");
        serving.start();
        ExecutorService clients = Executors.newFixedThreadPool(CALLS);
        try {
            while (!server.isServing()) {
                Thread.sleep(10);
            }
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                answers.add(clients.submit(() -> {
                    try (TFramedTransport transport = new TFramedTransport(
                            new TSocket("127.0.0.1", plugin.getPort(), 20_000))) {
                        transport.open();
                        return new Nimbus.Client(new TBinaryProtocol(transport)).getNimbusConf();
                    }
                }));
            }
            for (Future<String> answer : answers) {
                assertEquals("{}", answer.get(30, TimeUnit.SECONDS), "a call ran while not all " + CALLS + " could");
            }
        } finally {
            clients.shutdownNow();
            server.stop();
            serving.join(10_000);
        }
        assertTrue(!serving.isAlive(), "the server stopped");
    }
}
