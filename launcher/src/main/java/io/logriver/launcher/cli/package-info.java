/**
 * What every command shares: the declaration of its command line ({@link io.logriver.launcher.cli.Syntax}), which
 * picocli parses, and the typed readings of it ({@link io.logriver.launcher.cli.Args}); progress lines, Ctrl-C, the
 * install directory.
 */
package io.logriver.launcher.cli;
