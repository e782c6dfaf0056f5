/** A cluster's topologies: submitting the topology jar, and list, kill, rebalance and stats through Nimbus. */
package io.logriver.launcher.submit;
