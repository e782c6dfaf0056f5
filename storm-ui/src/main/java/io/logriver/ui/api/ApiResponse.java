package io.logriver.ui.api;

/** What the API answers: a status, a content type and a body (JSON, or JSONP for a {@code callback}). */
public record ApiResponse(int status, String contentType, String body) {
}
