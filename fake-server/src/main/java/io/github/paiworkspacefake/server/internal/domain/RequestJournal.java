package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.RecordedRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

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

    /** Header names in lower case, the Authorization signature and secret-looking headers masked. */
    public static Map<String, String> masked(Map<String, String> headers) {
        Map<String, String> masked = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("authorization")) {
                masked.put(lower, SIGNATURE.matcher(value).replaceAll("Signature=****"));
            } else if (lower.contains("secret") || lower.contains("token") || lower.contains("password")) {
                masked.put(lower, "****");
            } else {
                masked.put(lower, value);
            }
        });
        return masked;
    }
}
