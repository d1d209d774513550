package io.github.paiworkspacefake.server.internal.domain;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.server.RecordedRequest;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.catalogue.ParameterSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The most recent requests, oldest first, bounded so a long-running fake does not grow without limit: the latest
 * {@value #CAPACITY} requests, and the answers of the latest of them up to {@value #ANSWER_BUDGET} characters in all
 * (older entries keep everything but their answer). Each entry gets a sequence number, from 1, that keeps counting
 * across {@link #clear()}, so a reader can page through the journal and ask what is new since it last looked.
 * Recording is a store into a ring of entries, under a lock held for no longer than that.
 */
public final class RequestJournal {

    public static final int CAPACITY = 10_000;
    /** How many characters of answers the journal keeps, for the most recent entries. */
    public static final long ANSWER_BUDGET = 32L * 1024 * 1024;

    private static final Pattern SIGNATURE = Pattern.compile("Signature=[0-9A-Za-z+/=]+");

    /** The journal's entries at one moment, oldest first: {@code requests[i]} has sequence {@code first + i}. */
    public record Window(long first, List<RecordedRequest> requests) {

        /** The sequence of the newest entry, or {@code first - 1} when there is none. */
        public long last() {
            return first + requests.size() - 1;
        }
    }

    private final RecordedRequest[] ring = new RecordedRequest[CAPACITY];
    /** The sequence the next entry gets. */
    private long next = 1;
    /** The sequence of the oldest entry kept. */
    private long oldest = 1;
    /** Entries older than this have let their answers go. */
    private long oldestAnswered = 1;
    /** The characters of the answers kept. */
    private long answerChars;

    /** Records a request as the newest entry and returns its sequence number. */
    public synchronized long record(RecordedRequest request) {
        if (next - oldest == CAPACITY) {
            int slot = slot(oldest);
            if (oldest >= oldestAnswered) {
                answerChars -= ring[slot].answer().length();
            }
            ring[slot] = null;
            oldest++;
            oldestAnswered = Math.max(oldestAnswered, oldest);
        }
        long sequence = next++;
        ring[slot(sequence)] = request;
        answerChars += request.answer().length();
        while (answerChars > ANSWER_BUDGET && oldestAnswered < sequence) {
            int slot = slot(oldestAnswered);
            RecordedRequest answered = ring[slot];
            if (!answered.answer().isEmpty()) {
                answerChars -= answered.answer().length();
                ring[slot] = answered.toBuilder().answer("").build();
            }
            oldestAnswered++;
        }
        return sequence;
    }

    /** Every entry, oldest first. */
    public List<RecordedRequest> all() {
        return window().requests();
    }

    /** Every entry with its sequence numbers, at one moment. */
    public synchronized Window window() {
        List<RecordedRequest> requests = new ArrayList<>((int) (next - oldest));
        for (long sequence = oldest; sequence < next; sequence++) {
            requests.add(ring[slot(sequence)]);
        }
        return new Window(oldest, List.copyOf(requests));
    }

    /** The entry with this sequence number, while the journal keeps it. */
    public synchronized Optional<RecordedRequest> get(long sequence) {
        return sequence >= oldest && sequence < next ? Optional.of(ring[slot(sequence)]) : Optional.empty();
    }

    /** Forgets every entry; sequence numbers continue. */
    public synchronized void clear() {
        Arrays.fill(ring, null);
        oldest = next;
        oldestAnswered = next;
        answerChars = 0;
    }

    private static int slot(long sequence) {
        return (int) (sequence % CAPACITY);
    }

    /**
     * A header's value as the journal keeps it: the signature of {@code Authorization} (V3's {@code Signature=} and
     * the legacy ROA {@code acs AccessKeyId:signature}) and the value of any header whose name mentions a secret, token
     * or password are masked.
     *
     * @param lowerCaseName the header's name in lower case
     */
    public static String masked(String lowerCaseName, String value) {
        if (lowerCaseName.equals("authorization")) {
            if (value.startsWith("acs ")) {
                int colon = value.indexOf(':');
                return colon < 0 ? value : value.substring(0, colon + 1) + "****";
            }
            return SIGNATURE.matcher(value).replaceAll("Signature=****");
        }
        if (lowerCaseName.contains("secret") || lowerCaseName.contains("token") || lowerCaseName.contains("password")) {
            return "****";
        }
        return value;
    }

    /** What the journal and the log show in place of a secret. */
    public static final String MASK = "******";

    /** The names of the catalogue's sensitive parameters, read once. */
    private static final class Sensitive {
        static final Set<String> NAMES =
                io.github.paiworkspacefake.server.internal.catalogue.Catalogue.get().operations().stream()
                        .flatMap(operation -> operation.sensitiveParameters().stream())
                        .map(ParameterSpec::name)
                        .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * An answer as the journal keeps it: wherever a member is named as one of the catalogue's sensitive parameters
     * ({@code Secrets}, a security token), its value is masked (a map's every value), as in requests; a client that
     * asked for secrets in plain text got them, the journal does not keep them. Answers that name none are kept as
     * they are, byte for byte.
     */
    public static String maskedAnswer(String answer) {
        if (answer.isEmpty() || Sensitive.NAMES.stream().noneMatch(name -> answer.contains('"' + name + '"'))) {
            return answer;
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(answer);
        } catch (JacksonException e) {
            return answer;
        }
        if (root == null || !root.isContainerNode()) {
            return answer;
        }
        maskSensitive(root);
        return root.toString();
    }

    /**
     * Members as the admin console shows them: the values of those named as sensitive parameters masked, at any
     * depth; the members given are not changed.
     */
    public static java.util.Map<String, Object> maskedMembers(java.util.Map<String, Object> members) {
        Object masked = maskedValue(members);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> map = (java.util.Map<String, Object>) masked;
        return map;
    }

    /** A value with its sensitive members masked: the same object when it has none, else a copy. */
    private static Object maskedValue(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>();
            boolean changed = false;
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                Object member = entry.getValue();
                Object shown;
                if (Sensitive.NAMES.contains(name) && member != null) {
                    if (member instanceof java.util.Map<?, ?> secrets) {
                        java.util.Map<String, Object> hidden = new java.util.LinkedHashMap<>();
                        secrets.keySet().forEach(key -> hidden.put(String.valueOf(key), MASK));
                        shown = hidden;
                    } else {
                        shown = MASK;
                    }
                } else {
                    shown = maskedValue(member);
                }
                changed |= shown != member;
                copy.put(name, shown);
            }
            return changed ? copy : value;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object item : list) {
                Object shown = maskedValue(item);
                changed |= shown != item;
                copy.add(shown);
            }
            return changed ? copy : value;
        }
        return value;
    }

    /** Masks the sensitive members of a tree in place; whether it masked any. */
    private static boolean maskSensitive(JsonNode node) {
        boolean masked = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode value = object.get(name);
                if (Sensitive.NAMES.contains(name) && value != null && !value.isNull()) {
                    if (value instanceof ObjectNode members) {
                        for (Iterator<String> keys = members.fieldNames(); keys.hasNext(); ) {
                            members.put(keys.next(), MASK);
                        }
                    } else {
                        object.put(name, MASK);
                    }
                    masked = true;
                } else {
                    masked |= maskSensitive(value);
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                masked |= maskSensitive(item);
            }
        }
        return masked;
    }

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
