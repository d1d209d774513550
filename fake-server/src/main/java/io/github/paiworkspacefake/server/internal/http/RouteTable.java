package io.github.paiworkspacefake.server.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes of exact paths to values, by method and path template ({@code /api/v1/datasets/{DatasetId}/versions}), in a
 * tree of path segments: a lookup walks the request's segments once, whatever the number of routes, where Javalin's
 * own matcher would try each route's pattern in turn. A literal segment wins over a parameter; paths match exactly
 * (no trailing-slash leniency); a HEAD request matches a GET route. Two routes with the same method and template are
 * refused when declared.
 *
 * @param <T> what a route leads to
 */
final class RouteTable<T> {

    /** A route found: its value and its path parameters, percent-decoded. */
    record Match<T>(T value, Map<String, String> pathParameters) {}

    private record Route<T>(T value, List<String> parameterNames, String template) {}

    private static final class Node<T> {
        final Map<String, Node<T>> literals = new HashMap<>();
        Node<T> parameter;
        final Map<String, Route<T>> routes = new HashMap<>();
    }

    private final Node<T> root = new Node<>();

    /** Adds a route; a second route with the same method and template is refused. */
    void add(String method, String template, T value) {
        Node<T> node = root;
        List<String> parameterNames = new ArrayList<>();
        for (String segment : segments(template)) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameterNames.add(segment.substring(1, segment.length() - 1));
                if (node.parameter == null) {
                    node.parameter = new Node<>();
                }
                node = node.parameter;
            } else {
                node = node.literals.computeIfAbsent(segment, key -> new Node<>());
            }
        }
        Route<T> existing = node.routes.putIfAbsent(method, new Route<>(value, List.copyOf(parameterNames), template));
        if (existing != null) {
            throw new IllegalStateException(
                    "two routes for " + method + " " + template + " (and " + existing.template() + ")");
        }
    }

    /** The route of a request's method and raw (still percent-encoded) path, or null when none matches. */
    Match<T> find(String method, String rawPath) {
        String[] segments = segments(rawPath);
        List<String> values = new ArrayList<>(4);
        Route<T> route = find(root, segments, 0, method, values);
        if (route == null && method.equals("HEAD")) {
            values.clear();
            route = find(root, segments, 0, "GET", values);
        }
        if (route == null) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>(4);
        for (int i = 0; i < values.size(); i++) {
            parameters.put(route.parameterNames().get(i), decode(values.get(i)));
        }
        return new Match<>(route.value(), parameters);
    }

    /**
     * Every route of a raw path, whatever its method, by method (a literal segment's route before a parameter's for
     * the same method): what a request with another method would have reached there.
     */
    Map<String, T> routesAt(String rawPath) {
        Map<String, T> routes = new java.util.TreeMap<>();
        collect(root, segments(rawPath), 0, routes);
        return routes;
    }

    private void collect(Node<T> node, String[] segments, int index, Map<String, T> routes) {
        if (index == segments.length) {
            node.routes.forEach((method, route) -> routes.putIfAbsent(method, route.value()));
            return;
        }
        String segment = segments[index];
        Node<T> literal = node.literals.get(segment);
        if (literal != null) {
            collect(literal, segments, index + 1, routes);
        }
        if (node.parameter != null && !segment.isEmpty()) {
            collect(node.parameter, segments, index + 1, routes);
        }
    }

    private Route<T> find(Node<T> node, String[] segments, int index, String method, List<String> values) {
        if (index == segments.length) {
            return node.routes.get(method);
        }
        String segment = segments[index];
        Node<T> literal = node.literals.get(segment);
        if (literal != null) {
            Route<T> found = find(literal, segments, index + 1, method, values);
            if (found != null) {
                return found;
            }
        }
        if (node.parameter != null && !segment.isEmpty()) {
            values.add(segment);
            Route<T> found = find(node.parameter, segments, index + 1, method, values);
            if (found != null) {
                return found;
            }
            values.remove(values.size() - 1);
        }
        return null;
    }

    /** A path's segments after its leading slash; a trailing slash makes a last, empty segment. */
    private static String[] segments(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.split("/", -1);
    }

    /** Percent-decoding of a path segment: {@code +} stays a plus, as in a URI path. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
