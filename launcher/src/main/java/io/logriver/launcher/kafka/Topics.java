package io.logriver.launcher.kafka;

import io.logriver.config.LogriverConfig;
import io.logriver.process.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** Creates logriver's topics where they are missing and reads how many partitions the request topic has. */
public final class Topics implements AutoCloseable {
    private final Admin admin;

    public Topics(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(p);
    }

    /**
     * Makes sure the four topics exist (weblogs with the configured partitions, sessions compacted) and returns
     * the configuration with the request topic's actual partition count.
     */
    public LogriverConfig ensure(LogriverConfig c, int sessionPartitions) throws Exception {
        LogriverConfig.Topics t = c.topics();
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        if (!existing.contains(t.weblogs())) {
            missing.add(new NewTopic(t.weblogs(), t.partitions(), (short) 1));
        }
        if (!existing.contains(t.sessions())) {
            missing.add(new NewTopic(t.sessions(), sessionPartitions, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        for (String name : List.of(t.stats(), t.dlq())) {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, 1, (short) 1));
            }
        }
        if (!missing.isEmpty()) {
            try {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
        }
        return c.with(Map.of(LogriverConfig.TOPIC_PARTITIONS.name(), partitions(t.weblogs())));
    }

    /** The topic's partition count; waits (up to 30 s) for a topic just created to be known. */
    public int partitions(String topic) throws Exception {
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        while (true) {
            try {
                TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(topic);
                return d.partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || deadline.passed()) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The largest record batch the topic takes: its {@code max.message.bytes} (else the broker's message.max.bytes). */
    public int maxMessageBytes(String topic) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
        return Integer.parseInt(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
    }

    /**
     * Deletes topics (a run's own); one that does not exist is already as wanted (a peer's internal topic it never
     * created), other failures are reported by topic, not thrown, since the run's result stands.
     */
    public void delete(List<String> names) {
        java.util.Map<String, String> failed = new java.util.TreeMap<>();
        admin.deleteTopics(names).topicNameValues().forEach((topic, future) -> {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    failed.put(topic, String.valueOf(e.getCause().getMessage()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(topic, "interrupted");
            } catch (java.util.concurrent.TimeoutException e) {
                failed.put(topic, "no answer in 30 s");
            }
        });
        if (!failed.isEmpty()) {
            System.err.println("could not delete " + failed.size() + " of " + names.size() + " topics: " + failed);
        }
    }

    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
    }
}
