/** What every command shares: its options, progress lines, Ctrl-C, the install directory. */
package io.logriver.launcher.cli;
