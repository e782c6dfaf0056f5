package io.logriver.launcher.bench.report;

/**
 * What the report says of one engine's sweeps in one guarantee class: where it ran, what it guarantees there, and
 * when a record counts as applied to its window (the end of both latencies).
 */
public record EngineInfo(String mode, String state, String setting, String where, String guarantee, String applied) {
}
