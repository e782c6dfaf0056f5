/** The two modes and their builders, and the main class of the topology jar that a Storm cluster runs. */
package io.logriver.topology;
