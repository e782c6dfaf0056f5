/** Storm in local mode, in this JVM: LocalCluster with its ZooKeeper on loopback. */
package io.logriver.launcher.local;
