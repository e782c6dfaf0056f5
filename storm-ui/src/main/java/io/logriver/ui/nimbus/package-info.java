/** What the UI asks Nimbus ({@link io.logriver.ui.nimbus.NimbusApi}), and its Thrift adapter. */
package io.logriver.ui.nimbus;
