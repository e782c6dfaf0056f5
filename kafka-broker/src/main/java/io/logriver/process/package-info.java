/**
 * What every module that starts processes shares, with nothing but the JDK: a deadline to wait with, and stopping a
 * process (a signal, a grace period, then a kill). Here, below the launcher and the peers, because the broker starts
 * and stops a process too.
 */
package io.logriver.process;
