/** The Redis server the topologies keep their state in: found at its address, or started and stopped by the command. */
package io.logriver.launcher.redis;
