/** File mode: files of records through Kafka and the production topology, and the result files. */
package io.logriver.launcher.filemode;
