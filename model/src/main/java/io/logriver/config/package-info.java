/** The typed configuration: every logriver key once in a table, read and checked from defaults, file, overrides. */
package io.logriver.config;
