/** The Kafka side: the broker logriver starts (or finds), its topics, writing record files to them, following them. */
package io.logriver.launcher.kafka;
