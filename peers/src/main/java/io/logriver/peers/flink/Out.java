package io.logriver.peers.flink;

/** One record for Kafka: a window record or a dead letter, already in logriver's JSON. */
public record Out(String topic, String key, String value) {
}
