package io.logriver.ui.nimbus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.generated.ClusterSummary;
import org.apache.storm.generated.ComponentPageInfo;
import org.apache.storm.generated.GetInfoOptions;
import org.apache.storm.generated.KillOptions;
import org.apache.storm.generated.Nimbus;
import org.apache.storm.generated.NotAliveException;
import org.apache.storm.generated.NumErrorsChoice;
import org.apache.storm.generated.RebalanceOptions;
import org.apache.storm.generated.TopologyPageInfo;
import org.apache.storm.generated.TopologySummary;
import org.apache.storm.thrift.transport.TTransportException;
import org.apache.storm.utils.NimbusClient;
import org.apache.storm.utils.Utils;

/**
 * {@link NimbusApi} on Storm's {@code Nimbus.Iface}: a remote Nimbus through storm-client's Thrift client, one
 * connection per call as Storm's UI does, or a local cluster's Nimbus in this JVM ({@code LocalCluster} is one).
 */
public final class ThriftNimbus implements NimbusApi {
    private interface Call<T> {
        T on(Nimbus.Iface nimbus) throws Exception;
    }

    private interface Connection {
        <T> T call(Call<T> call) throws Exception;
    }

    private final String address;
    private final Connection connection;

    private ThriftNimbus(String address, Connection connection) {
        this.address = address;
        this.connection = connection;
    }

    /** {@code hostPort}: {@code HOST} or {@code HOST:PORT} (6627 by default). */
    public static ThriftNimbus remote(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String p = colon < 0 ? "6627" : hostPort.substring(colon + 1);
        if (colon == 0 || hostPort.isBlank() || !p.matches("\\d{1,5}") || Integer.parseInt(p) > 65535) {
            throw new IllegalArgumentException("--nimbus " + hostPort + ": expected HOST or HOST:PORT");
        }
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String address = host + ":" + p;
        return new ThriftNimbus(address, new Connection() {
            @Override
            public <T> T call(Call<T> call) throws Exception {
                Map<String, Object> conf = new HashMap<>(Utils.readDefaultConfig());
                conf.put("nimbus.seeds", List.of(host));
                conf.put("nimbus.thrift.port", Integer.parseInt(p));
                conf.put("storm.nimbus.retry.times", 0);
                NimbusClient client;
                try {
                    client = NimbusClient.Builder.withConf(conf).withTimeout(10_000).build();
                } catch (RuntimeException e) {
                    throw new UnavailableException("Nimbus at " + address + " does not answer", e);
                }
                try (client) {
                    return call.on(client.getClient());
                } catch (TTransportException e) {
                    throw new UnavailableException("Nimbus at " + address + " closed the connection", e);
                }
            }
        });
    }

    /** A Nimbus in this JVM, such as a {@code LocalCluster}. */
    public static ThriftNimbus local(Nimbus.Iface nimbus, String description) {
        return new ThriftNimbus(description, new Connection() {
            @Override
            public <T> T call(Call<T> call) throws Exception {
                return call.on(nimbus);
            }
        });
    }

    public String address() {
        return address;
    }

    private <T> T call(Call<T> call) throws Exception {
        try {
            return connection.call(call);
        } catch (NotAliveException e) {
            throw new NotFoundException(e.get_msg() == null ? "not alive" : e.get_msg());
        }
    }

    @Override
    public ClusterSummary getClusterInfo() throws Exception {
        return call(Nimbus.Iface::getClusterInfo);
    }

    @Override
    public List<TopologySummary> getTopologySummaries() throws Exception {
        return call(Nimbus.Iface::getTopologySummaries);
    }

    @Override
    public String getNimbusConf() throws Exception {
        return call(Nimbus.Iface::getNimbusConf);
    }

    @Override
    public TopologyPageInfo getTopologyPageInfo(String id, String window, boolean sys) throws Exception {
        return call(n -> n.getTopologyPageInfo(id, window, sys));
    }

    @Override
    public ComponentPageInfo getComponentPageInfo(String id, String component, String window, boolean sys)
            throws Exception {
        return call(n -> n.getComponentPageInfo(id, component, window, sys));
    }

    @Override
    public String topologyName(String id) throws Exception {
        GetInfoOptions options = new GetInfoOptions();
        options.set_num_err_choice(NumErrorsChoice.NONE);
        return call(n -> n.getTopologyInfoWithOpts(id, options).get_name());
    }

    @Override
    public void activate(String name) throws Exception {
        call(n -> {
            n.activate(name);
            return null;
        });
    }

    @Override
    public void deactivate(String name) throws Exception {
        call(n -> {
            n.deactivate(name);
            return null;
        });
    }

    @Override
    public void rebalance(String name, int waitSecs, int numWorkers) throws Exception {
        RebalanceOptions options = new RebalanceOptions();
        options.set_wait_secs(waitSecs);
        if (numWorkers > 0) {
            options.set_num_workers(numWorkers);
        }
        call(n -> {
            n.rebalance(name, options);
            return null;
        });
    }

    @Override
    public void killTopologyWithOpts(String name, int waitSecs) throws Exception {
        KillOptions options = new KillOptions();
        options.set_wait_secs(waitSecs);
        call(n -> {
            n.killTopologyWithOpts(name, options);
            return null;
        });
    }
}
