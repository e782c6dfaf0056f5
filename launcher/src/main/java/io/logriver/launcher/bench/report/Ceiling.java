package io.logriver.launcher.bench.report;

/**
 * A ceiling of the benchmark: how fast a reader, or the generator, goes with nothing else to do, and the CPU time
 * its JVM spends per record (µs of one core).
 */
public record Ceiling(String what, double rate, double cpuMicrosPerRecord) {
}
