/** The names every module shares: Storm components, streams and fields, Kafka record headers, logriver's metrics. */
package io.logriver.names;
