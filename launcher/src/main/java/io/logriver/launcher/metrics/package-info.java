/** Storm metrics: the reporters logriver adds, and reading them back over JMX (local mode) or CSV files (a cluster). */
package io.logriver.launcher.metrics;
