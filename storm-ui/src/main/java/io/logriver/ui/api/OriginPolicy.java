package io.logriver.ui.api;

import java.net.URI;

/**
 * Whether a state-changing request may proceed: a browser says where a request comes from ({@code Sec-Fetch-Site},
 * {@code Origin}), and only the UI's own pages may activate, deactivate, rebalance or kill. A request with neither
 * header comes from no browser page (curl, a script) and is allowed, as with Storm's UI.
 */
public final class OriginPolicy {
    private OriginPolicy() {
    }

    /** Null when allowed, else why not. */
    public static String refusal(ApiRequest r) {
        if (r.secFetchSite() != null && !r.secFetchSite().equals("same-origin")) {
            return "a request from another site (Sec-Fetch-Site: " + r.secFetchSite() + ") may not change a topology";
        }
        if (r.origin() != null && !sameAuthority(r.origin(), r.host())) {
            return "a request from another origin may not change a topology";
        }
        return null;
    }

    private static boolean sameAuthority(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI u = URI.create(origin);
            String authority = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
