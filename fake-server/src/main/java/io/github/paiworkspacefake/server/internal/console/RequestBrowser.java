package io.github.paiworkspacefake.server.internal.console;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.RecordedRequest;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.RequestJournal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The request journal as the admin API lists it: filtered by operation, status and text, in either order, a page at
 * a time from a sequence number on, each entry whole or as a one-line summary (no headers, bodies or answers).
 */
public final class RequestBrowser {

    /**
     * What to list.
     *
     * @param operation   only this operation's requests; {@code "none"} for those that reached none; null for all
     * @param status      only this status ({@code 404}), class ({@code 4xx}), {@code error} (400 and above) or
     *                    {@code dropped} (no answer); null for all
     * @param text        only requests whose path, query, body, answer, request id, error code, reason, operation or
     *                    AccessKeyId contain this, in any case; null for all
     * @param newestFirst whether the newest come first
     * @param before      only entries with a smaller sequence number; 0 for no bound
     * @param after       only entries with a larger sequence number; 0 for no bound
     * @param limit       at most this many; 0 for no limit
     * @param summary     whether to leave headers, bodies and answers out
     */
    public record Query(
            String operation,
            String status,
            String text,
            boolean newestFirst,
            long before,
            long after,
            int limit,
            boolean summary) {}

    private final RequestJournal journal;

    public RequestBrowser(RequestJournal journal) {
        this.journal = journal;
    }

    /**
     * The matching entries, and how many match in all; {@code latestSequence} and {@code oldestSequence} bound the
     * journal, so that a reader polling with {@code after} knows when it was cleared.
     *
     * @throws IllegalArgumentException for an operation or status it cannot read, naming which
     */
    public byte[] list(Query query) {
        Predicate<RecordedRequest> filter = filter(query);
        RequestJournal.Window window = journal.window();
        List<RecordedRequest> requests = window.requests();
        List<Long> sequences = new ArrayList<>();
        List<RecordedRequest> page = new ArrayList<>();
        long matches = 0;
        for (int n = 0; n < requests.size(); n++) {
            int i = query.newestFirst() ? requests.size() - 1 - n : n;
            long sequence = window.first() + i;
            if ((query.before() > 0 && sequence >= query.before())
                    || (query.after() > 0 && sequence <= query.after())) {
                continue;
            }
            RecordedRequest request = requests.get(i);
            if (!filter.test(request)) {
                continue;
            }
            matches++;
            if (query.limit() == 0 || page.size() < query.limit()) {
                page.add(request);
                sequences.add(sequence);
            }
        }
        long matchCount = matches;
        return Json.document(json -> {
            json.writeNumberField("oldestSequence", window.first());
            json.writeNumberField("latestSequence", window.last());
            json.writeNumberField("size", requests.size());
            json.writeNumberField("matchCount", matchCount);
            json.writeArrayFieldStart("requests");
            for (int i = 0; i < page.size(); i++) {
                json.writeStartObject();
                write(json, sequences.get(i), page.get(i), query.summary());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** One entry, whole, while the journal keeps it. */
    public Optional<byte[]> one(long sequence) {
        return journal.get(sequence).map(request -> Json.document(json -> write(json, sequence, request, false)));
    }

    private static void write(JsonGenerator json, long sequence, RecordedRequest request, boolean summary)
            throws IOException {
        json.writeNumberField("sequence", sequence);
        json.writeStringField("time", Json.timestamp(request.time()));
        json.writeStringField(
                "operation",
                request.operation() == null ? null : request.operation().name());
        json.writeStringField("method", request.method());
        json.writeStringField("path", request.path());
        json.writeStringField("query", request.query());
        json.writeNumberField("status", request.status());
        json.writeStringField("errorCode", request.errorCode());
        json.writeStringField("requestId", request.requestId());
        json.writeNumberField("latencyMillis", request.latency().toNanos() / 1_000_000.0);
        json.writeStringField("signatureScheme", request.signatureScheme());
        json.writeStringField("accessKeyId", request.accessKeyId());
        json.writeStringField("reason", request.reason());
        if (!summary) {
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : new java.util.TreeMap<>(request.headers()).entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            json.writeStringField("body", request.body());
            json.writeStringField("answer", request.answer());
        }
    }

    private static Predicate<RecordedRequest> filter(Query query) {
        Predicate<RecordedRequest> filter = request -> true;
        if (query.operation() != null && !query.operation().isBlank()) {
            if (query.operation().equals("none")) {
                filter = filter.and(request -> request.operation() == null);
            } else {
                Operation operation = Operation.valueOf(operationName(query.operation()));
                filter = filter.and(request -> request.operation() == operation);
            }
        }
        if (query.status() != null && !query.status().isBlank()) {
            filter = filter.and(status(query.status().strip().toLowerCase(Locale.ROOT)));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String needle = query.text().strip().toLowerCase(Locale.ROOT);
            filter = filter.and(request -> contains(request, needle));
        }
        return filter;
    }

    private static String operationName(String name) {
        for (Operation operation : Operation.values()) {
            if (operation.name().equals(name)) {
                return name;
            }
        }
        throw new IllegalArgumentException("operation: no operation is named " + name
                + "; give an operation of the API, or none for requests that reached none.");
    }

    private static Predicate<RecordedRequest> status(String status) {
        if (status.equals("error")) {
            return request -> request.status() >= 400;
        }
        if (status.equals("dropped")) {
            return request -> request.status() == 0;
        }
        if (status.matches("[1-5]xx")) {
            int hundreds = status.charAt(0) - '0';
            return request -> request.status() / 100 == hundreds;
        }
        if (status.matches("[1-5][0-9][0-9]")) {
            int exact = Integer.parseInt(status);
            return request -> request.status() == exact;
        }
        throw new IllegalArgumentException(
                "status: give an HTTP status (404), a class (4xx), error or dropped, not " + status + ".");
    }

    private static boolean contains(RecordedRequest request, String needle) {
        return has(request.path(), needle)
                || has(request.query(), needle)
                || has(request.requestId(), needle)
                || has(request.errorCode(), needle)
                || has(request.reason(), needle)
                || has(request.accessKeyId(), needle)
                || (request.operation() != null && has(request.operation().name(), needle))
                || has(request.body(), needle)
                || has(request.answer(), needle);
    }

    private static boolean has(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
