package io.logriver.peers.flink;

import io.logriver.peers.PeerSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the job has read the session topic: the end offsets the topic had when this was created, against the
 * offsets the session source commits with each completed checkpoint.
 */
final class SessionProgress implements AutoCloseable {
    private static final long TIMEOUT_S = 30;

    private final Admin admin;
    private final String group;
    private final Map<TopicPartition, Long> ends;
    private final int requestPartitions;

    SessionProgress(PeerSettings s) throws InterruptedException {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.config().bootstrapServers()));
        group = FlinkKafka.sessionGroup(s);
        String weblogs = s.topics().weblogs();
        String sessions = s.topics().sessions();
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(weblogs, sessions)).allTopicNames()
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
            requestPartitions = topics.get(weblogs).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = topics.get(sessions).partitions().stream().collect(
                    Collectors.toMap(p -> new TopicPartition(sessions, p.partition()), p -> OffsetSpec.latest()));
            ends = admin.listOffsets(latest).all().get(TIMEOUT_S, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            admin.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot read topics " + weblogs + " and " + sessions + " on "
                    + s.config().bootstrapServers() + ": " + cause.getMessage(), cause);
        }
    }

    int requestPartitions() {
        return requestPartitions;
    }

    /** True once the committed offset of every session partition has reached its end offset at the start. */
    boolean loaded() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS);
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
    }

    @Override
    public void close() {
        admin.close();
    }
}
