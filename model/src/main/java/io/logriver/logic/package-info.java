/**
 * The partition stage both topologies run: replays in order, lateness, the session join, each partition's share of a
 * window, and its checkpoint.
 */
package io.logriver.logic;
