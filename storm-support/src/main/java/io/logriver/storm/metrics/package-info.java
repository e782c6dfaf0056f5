/** Storm metrics over the last complete interval, instead of Storm's decaying reservoir. */
package io.logriver.storm.metrics;
