package io.logriver.launcher.soak;

/**
 * One mode's figures at one moment of the soak (every 10 s). Sizes in bytes, -1 when they could not be read (the
 * part was down).
 *
 * @param elapsedS    seconds since the load began
 * @param ratePerS    requests Kafka took per second since the sample before
 * @param lagS        the mode's lag at this moment: seconds of records behind
 * @param lagMaxS     the highest lag seen (each second) since the sample before
 * @param e2eP99Ms    99th percentile of the windows written since the sample before: from closed to written
 * @param heapBytes   live heap of the mode's worker: its heap after the latest full collection (one a minute), -1 before
 * @param windows     window keys the mode has written so far
 * @param faults      faults injected so far
 */
record Sample(long elapsedS, String mode, double ratePerS, double lagS, double lagMaxS, long e2eP99Ms, long heapBytes,
              long windows, long redisBytes, long weblogsBytes, long statsBytes, long dlqBytes, int faults) {
}
