/** Live mode: broker, topics, generator and topology in this JVM, and the live view every 5 seconds. */
package io.logriver.launcher.live;
