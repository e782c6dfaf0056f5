/** What every command shares: its options, progress lines, Ctrl-C, the install directory, child processes, waits. */
package io.logriver.launcher.cli;
