package io.github.paiworkspacefake.server.internal.domain;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.server.RecordedRequest;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.catalogue.ParameterSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The most recent requests, oldest first, bounded so a long-running fake does not grow without limit. */
public final class RequestJournal {

    public static final int CAPACITY = 10_000;
    private static final Pattern SIGNATURE = Pattern.compile("Signature=[0-9A-Za-z]+");

    private final Deque<RecordedRequest> entries = new ArrayDeque<>();

    public synchronized void record(RecordedRequest request) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    /**
     * A header's value as the journal keeps it: the signature of {@code Authorization} and the value of any header
     * whose name mentions a secret, token or password are masked.
     *
     * @param lowerCaseName the header's name in lower case
     */
    public static String masked(String lowerCaseName, String value) {
        if (lowerCaseName.equals("authorization")) {
            return SIGNATURE.matcher(value).replaceAll("Signature=****");
        }
        if (lowerCaseName.contains("secret") || lowerCaseName.contains("token") || lowerCaseName.contains("password")) {
            return "****";
        }
        return value;
    }

    /** What the journal and the log show in place of a secret. */
    public static final String MASK = "******";

    /**
     * A request body as the journal keeps it: the values of the operation's sensitive body parameters (a map's every
     * value) are masked, the rest is kept. A body of such an operation that is not a JSON object is withheld whole,
     * as it cannot be told where its secrets are.
     */
    public static String maskedBody(OperationSpec operation, String body) {
        if (operation == null || body.isEmpty()) {
            return body;
        }
        List<String> sensitive = operation.sensitiveParameters().stream()
                .filter(parameter -> parameter.location() == ParameterSpec.Location.BODY)
                .map(ParameterSpec::name)
                .toList();
        if (sensitive.isEmpty()) {
            return body;
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        if (!(root instanceof ObjectNode object)) {
            return "(withheld: a body of " + operation.name() + " that is not a JSON object may hold secrets)";
        }
        for (String name : sensitive) {
            JsonNode value = object.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value instanceof ObjectNode members) {
                for (Iterator<String> names = members.fieldNames(); names.hasNext(); ) {
                    members.put(names.next(), MASK);
                }
            } else {
                object.put(name, MASK);
            }
        }
        return object.toString();
    }

    /**
     * A query string as the journal and the log keep it: the values of the operation's sensitive query parameters are
     * masked, every other byte is kept.
     */
    public static String maskedQuery(OperationSpec operation, String query) {
        if (operation == null || query == null || query.isEmpty()) {
            return query;
        }
        Set<String> sensitive = operation.sensitiveParameters().stream()
                .filter(parameter -> parameter.location() == ParameterSpec.Location.QUERY)
                .map(ParameterSpec::name)
                .collect(Collectors.toSet());
        if (sensitive.isEmpty()) {
            return query;
        }
        List<String> pairs = new java.util.ArrayList<>();
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                name = rawName;
            }
            pairs.add(sensitive.contains(name) && equals >= 0 ? rawName + "=" + MASK : pair);
        }
        return String.join("&", pairs);
    }
}
