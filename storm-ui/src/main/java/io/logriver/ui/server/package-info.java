/** The UI's HTTP server: the API, {@code /metrics}, logriver's view and the pages, on Jetty. */
package io.logriver.ui.server;
