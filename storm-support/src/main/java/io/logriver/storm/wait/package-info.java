/** How idle executors wait: park, then sleep; never a busy spin. */
package io.logriver.storm.wait;
