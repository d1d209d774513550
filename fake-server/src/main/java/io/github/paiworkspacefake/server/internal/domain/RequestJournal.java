package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.RecordedRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
}
