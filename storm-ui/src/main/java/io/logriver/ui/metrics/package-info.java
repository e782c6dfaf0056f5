/** {@code /metrics}: Storm's figures (and, from the launcher, logriver's) through the Prometheus Java client. */
package io.logriver.ui.metrics;
