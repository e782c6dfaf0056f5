/** The plain-Java logic both topologies call: parsing, filter rules, sessions, windows, lateness, percentiles. */
package io.logriver.logic;
