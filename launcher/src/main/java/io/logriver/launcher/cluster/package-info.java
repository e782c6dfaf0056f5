/** The dev cluster (ZooKeeper, Nimbus, a Supervisor, Kafka, Redis: a JVM each) and the addresses commands use. */
package io.logriver.launcher.cluster;
