/**
 * The core topology (record at a time): its builder, which takes its sources and sink, its Kafka sources, and its Storm
 * settings.
 */
package io.logriver.core;
