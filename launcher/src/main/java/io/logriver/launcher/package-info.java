/**
 * The entry point: {@code bin/logriver COMMAND} picks the command ({@link io.logriver.launcher.Commands}, each with
 * its syntax), and {@code run} picks file or live mode.
 */
package io.logriver.launcher;
