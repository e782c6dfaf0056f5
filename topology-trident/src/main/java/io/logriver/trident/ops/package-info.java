/** The Trident topology's functions, filters and the session table: thin adapters over the logic. */
package io.logriver.trident.ops;
