/** The dev cluster's loopback Thrift and Netty transports. */
package io.logriver.cluster;
