/**
 * The benchmark's results: the points it measured, the verdict of each (computed from the point's CSV columns alone),
 * the CSV, and the Markdown report with its headline table (medians over rounds), tables, chart and targets.
 */
package io.logriver.launcher.bench.report;
