package io.logriver.launcher.cluster;

import io.logriver.launcher.cli.Args;
import io.logriver.process.Deadline;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.storm.generated.ClusterSummary;
import org.apache.storm.generated.Nimbus;
import org.apache.storm.generated.TopologySummary;
import org.apache.storm.utils.NimbusClient;
import org.apache.storm.utils.Utils;

/**
 * A Nimbus, named as {@code HOST[:PORT]} (port 6627 by default), reached through Storm's own client with a Storm
 * configuration that names it ({@code nimbus.seeds}, {@code nimbus.thrift.port}), as {@code storm list} does.
 */
public final class NimbusConnection {
    static final int DEFAULT_PORT = 6627;

    private final String host;
    private final int port;

    public NimbusConnection(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String h = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String p = colon < 0 ? Integer.toString(DEFAULT_PORT) : hostPort.substring(colon + 1);
        if (h.isBlank() || !p.matches("\\d{1,5}") || Integer.parseInt(p) > 65535) {
            throw new Args.UsageException("--nimbus " + hostPort + ": expected HOST or HOST:PORT");
        }
        this.host = h;
        this.port = Integer.parseInt(p);
    }

    public String address() {
        return host + ":" + port;
    }

    /** The Storm configuration of a client of this Nimbus (also what {@code storm jar -c} would set). */
    public Map<String, Object> clientConf() {
        Map<String, Object> conf = new HashMap<>();
        conf.put("nimbus.seeds", List.of(host));
        conf.put("nimbus.thrift.port", port);
        return conf;
    }

    /** A call to Nimbus; thrift and connection errors are reported with the address. */
    public interface Call<T> {
        T on(Nimbus.Iface nimbus) throws Exception;
    }

    public <T> T call(Call<T> call) throws Exception {
        Map<String, Object> conf = Utils.readDefaultConfig();
        conf.putAll(clientConf());
        conf.put("storm.nimbus.retry.times", 1);
        conf.put("storm.nimbus.retry.interval.millis", 500);
        NimbusClient client;
        try {
            client = NimbusClient.Builder.withConf(conf).withTimeout(30_000).build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Nimbus at " + address() + " does not answer (--nimbus HOST[:PORT]; "
                    + "bin/logriver cluster up starts the dev cluster): " + rootMessage(e), e);
        }
        try (client) {
            return call.on(client.getClient());
        }
    }

    public List<TopologySummary> topologies() throws Exception {
        return call(n -> n.getClusterInfo().get_topologies());
    }

    public Optional<TopologySummary> topology(String name) throws Exception {
        return topologies().stream().filter(t -> t.get_name().equals(name)).findFirst();
    }

    /** Waits until at least {@code n} supervisors have registered with Nimbus. */
    void awaitSupervisors(int n, Duration timeout) throws Exception {
        AtomicInteger registered = new AtomicInteger();
        if (!Deadline.await(timeout, Duration.ofMillis(250), () -> {
            ClusterSummary c = call(Nimbus.Iface::getClusterInfo);
            registered.set(c.get_supervisors_size());
            return registered.get() >= n;
        })) {
            throw new IllegalStateException(registered.get() + " supervisors registered with Nimbus at "
                    + address() + " after " + timeout.toSeconds() + " s, expected " + n);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
