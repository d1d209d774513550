package io.github.paiworkspacefake.server.internal.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation's behaviour answers: the members of the success body by their wire names (the request id is
 * added by the pipeline). Values are strings, numbers, booleans, {@link java.time.Instant}s (written in the API's
 * time format), lists and maps of the same; nulls are left out. The pipeline writes only the members the catalogue
 * declares for the operation, with their declared types.
 */
public final class Answer {

    private final Map<String, Object> members = new LinkedHashMap<>();

    private Answer() {}

    /** An answer with no members besides the request id. */
    public static Answer empty() {
        return new Answer();
    }

    /** An answer holding these members (null values are left out). */
    public static Answer of(Map<String, ?> members) {
        Answer answer = new Answer();
        members.forEach(answer::put);
        return answer;
    }

    /** Adds a member; a null value is left out. */
    public Answer put(String name, Object value) {
        if (value != null) {
            members.put(name, value);
        }
        return this;
    }

    /** The members, in the order they were put. */
    public Map<String, Object> members() {
        return members;
    }
}
