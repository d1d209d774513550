package io.github.paiworkspacefake.server.internal.http;

import io.github.paiworkspacefake.server.Operation;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a request reached no operation, in words for the journal: its path is an operation's with another method, or
 * would be without its trailing slash, or is no operation's at all. Worked out only for such requests.
 */
final class Unrouted {

    private Unrouted() {}

    static String reason(RouteTable<Operation> routes, String method, String path) {
        Map<String, Operation> here = routes.routesAt(path);
        if (!here.isEmpty()) {
            return "No operation is " + method + " " + path + "; that path is " + describe(here) + ".";
        }
        if (path.length() > 1 && path.endsWith("/")) {
            String trimmed = path.substring(0, path.length() - 1);
            Map<String, Operation> withoutSlash = routes.routesAt(trimmed);
            if (!withoutSlash.isEmpty()) {
                Operation same = withoutSlash.get(method);
                return same != null
                        ? "No operation has a path ending in /; without the slash, " + method + " " + trimmed + " is "
                                + same.name() + "."
                        : "No operation has a path ending in /; without the slash, " + trimmed + " is "
                                + describe(withoutSlash) + ".";
            }
        }
        if (!path.startsWith("/api/v1/") && !path.startsWith("/resourcegroups/")) {
            return "No operation of the AIWorkSpace API has the path " + path
                    + "; its paths start with /api/v1/ (docs/coverage.md lists them).";
        }
        return "No operation of the AIWorkSpace API has the path " + path + " (docs/coverage.md lists them).";
    }

    private static String describe(Map<String, Operation> routes) {
        return routes.entrySet().stream()
                .map(route -> route.getKey() + " " + route.getValue().name())
                .collect(Collectors.joining(", "));
    }
}
