/**
 * {@code soak}: hours of load at a steady rate on the dev cluster, with faults on a seeded schedule, checked against
 * an independent reference of what Kafka took: the options, the fault schedule, the reference, the window records
 * each mode wrote, the samples over time, and the verdict, report, CSV and chart.
 */
package io.logriver.launcher.soak;
