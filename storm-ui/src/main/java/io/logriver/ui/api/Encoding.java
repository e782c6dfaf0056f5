package io.logriver.ui.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Storm's {@code encodedId} fields: the id URL-encoded, as {@code Utils.urlEncodeUtf8} does. */
final class Encoding {
    private Encoding() {
    }

    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
