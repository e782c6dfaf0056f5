package io.logriver.launcher.soak.fault;

/**
 * A fault as it happened: when it struck and when its part was back (ms since the load began), what it struck, and
 * the error if it could not be injected.
 */
public record FaultEvent(FaultKind kind, long startMs, long endMs, String what, String error) {
}
