/** The entry point: {@code bin/logriver COMMAND} picks the command, and {@code run} picks file or live mode. */
package io.logriver.launcher;
