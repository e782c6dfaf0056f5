/** Storm metrics: the reporters logriver adds, reading them back (JMX here, CSV from a cluster), the accounting. */
package io.logriver.launcher.metrics;
