package io.logriver.topology;

import io.logriver.config.LogriverConfig;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The request topic as the broker has it: the topology needs its partition count (each partition has its own
 * watermark, and a window closes once all of them have passed it).
 */
final class WeblogsTopic {
    private static final int TIMEOUT_MS = 30_000;

    private WeblogsTopic() {
    }

    /** The configuration with {@code logriver.topic.partitions} read from the broker. */
    static LogriverConfig withPartitions(LogriverConfig c) throws InterruptedException {
        String topic = c.topics().weblogs();
        String where = LogriverConfig.BOOTSTRAP_SERVERS + "=" + c.bootstrapServers();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        try (Admin admin = Admin.create(p)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .get(topic).partitions().size();
            return c.with(Map.of(LogriverConfig.TOPIC_PARTITIONS.name(), partitions));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("topic " + topic + " does not exist at " + where
                        + " (create the topics first; bin/logriver submit creates them)", e);
            }
            throw new IllegalStateException(where + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(where + ": no Kafka broker answered within " + TIMEOUT_MS / 1000 + " s", e);
        }
    }
}
