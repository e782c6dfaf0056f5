/** Storm on loopback: the dev cluster's Thrift and Netty transports, and LocalCluster for local runs and tests. */
package io.logriver.cluster;
