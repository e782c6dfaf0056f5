/** {@code bin/logriver ui}: the storm-ui module's server for a Nimbus, with logriver's own view of its topologies. */
package io.logriver.launcher.ui;
