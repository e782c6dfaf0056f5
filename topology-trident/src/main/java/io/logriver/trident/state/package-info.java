/** Trident states kept exactly as the last committed batch left them, in Redis or in memory. */
package io.logriver.trident.state;
