/**
 * Storm's REST API ({@code /api/v1}) as plain Java: requests in, JSON out, Storm 2.8.3's field names; no HTTP server
 * and no Thrift connection here (the server and {@link io.logriver.ui.nimbus} supply them).
 */
package io.logriver.ui.api;
