/** The benchmark: the ceilings, each engine's sweep of offered rates, and its report, CSV and chart. */
package io.logriver.launcher.bench;
