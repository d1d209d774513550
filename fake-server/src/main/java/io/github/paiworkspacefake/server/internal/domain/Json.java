package io.github.paiworkspacefake.server.internal.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one Jackson mapper for writing responses and snapshots, and the API's time format. */
public final class Json {

    /** The mapper every answer and snapshot is written with. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** ISO 8601 in UTC with milliseconds, as in {@code 2021-01-21T17:12:35.232Z}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** An instant as the API writes times. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A new, empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A JSON object's UTF-8 bytes. */
    public static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
