/** What every command shares: its options, the mode, progress lines, Ctrl-C, the install directory, child processes. */
package io.logriver.launcher.cli;
