/** The main class of the Kafka broker logriver starts: it stops the broker when the process that started it ends. */
package io.logriver.broker;
