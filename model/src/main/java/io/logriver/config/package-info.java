/** The typed configuration: every logriver key declared once, read and checked from defaults, file, overrides. */
package io.logriver.config;
