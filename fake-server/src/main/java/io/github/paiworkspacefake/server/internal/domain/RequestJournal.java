package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.RecordedRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
}
