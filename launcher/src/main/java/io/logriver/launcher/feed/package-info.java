/** Feeding and watching a submitted topology's topics: generate, replay, watch, and reprocessing (Kappa). */
package io.logriver.launcher.feed;
