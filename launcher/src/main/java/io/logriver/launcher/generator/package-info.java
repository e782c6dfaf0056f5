/** The generator of realistic sessions and access logs, sent on an open-loop schedule. */
package io.logriver.launcher.generator;
