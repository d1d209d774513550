package io.github.paiworkspacefake.server.internal.http;

import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * The admin API's guard against other sites' pages in the user's browser. Besides the JSON body every change needs
 * (which no form post can declare), a request a browser marks as sent by another site's page ({@code Sec-Fetch-Site:
 * cross-site} or {@code same-site}) is refused, unless it is the user following a link to the console; one whose
 * {@code Origin} is not the fake's own address is refused; and a browser must reach the admin API by an IP address or
 * {@code localhost}, not by a host name, which a page of another site could point at the fake (DNS rebinding). Clients
 * that are not browsers (curl, test code, SDKs) send none of these headers and are not affected.
 */
final class CrossSite {

    private CrossSite() {}

    /**
     * Refuses a browser's request that another site's page sent.
     *
     * @param changing whether the request changes state
     * @param page     whether it asks for one of the console's pages, which a link may open
     */
    static void requireSameOrigin(Context ctx, boolean changing, boolean page) {
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        if (site == null && origin == null) {
            return; // not a browser, or one that sends neither (then no page can read or change anything either)
        }
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            boolean followedLink = page
                    && !changing
                    && "navigate".equals(ctx.header("Sec-Fetch-Mode"))
                    && "document".equals(ctx.header("Sec-Fetch-Dest"));
            if (!followedLink) {
                throw refused("it was sent by a page of another site (Sec-Fetch-Site: " + site + ").");
            }
        }
        String host = ctx.header("Host");
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            throw refused("its Origin " + origin + " is not this fake's own address http://" + host + ".");
        }
        if (host != null && !isAddressOrLocalhost(host)) {
            throw refused("a browser must reach the admin API by an IP address or localhost, not by the name " + host
                    + ", which another site could point at this fake; open it by its address instead.");
        }
    }

    private static boolean isAddressOrLocalhost(String hostHeader) {
        String host = hostHeader.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return host.indexOf(']') > 0; // an IPv6 literal
        }
        int colon = host.lastIndexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        return name.equals("localhost")
                || name.endsWith(".localhost")
                || name.matches("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");
    }

    private static ApiException refused(String why) {
        return new ApiException(ErrorCode.ADMIN_FORBIDDEN, "The admin API refuses this browser request: " + why);
    }
}
