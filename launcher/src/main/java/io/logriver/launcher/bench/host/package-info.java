/**
 * The benchmark's host of logriver's Storm modes: a local cluster in a JVM of its own ({@link
 * io.logriver.launcher.bench.host.StormHostMain}), whose jobs are the production topologies, and the null topologies
 * of the ceilings.
 */
package io.logriver.launcher.bench.host;
