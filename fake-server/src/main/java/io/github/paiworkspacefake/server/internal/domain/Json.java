package io.github.paiworkspacefake.server.internal.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * JSON writing and the API's time format. The API's answers are written with Jackson's streaming generator
 * ({@link #document}), which needs jackson-core alone; the mapper ({@link #mapper}), for the trees of the admin API,
 * snapshots and request bodies, is made on first use, as loading jackson-databind costs a start about 130 ms that no
 * answer to a read needs.
 */
public final class Json {

    /** The content type of every JSON answer the fake writes. */
    public static final String MEDIA_TYPE = "application/json;charset=utf-8";

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Holds the mapper, made when first asked for. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    /** ISO 8601 in UTC with milliseconds, as in {@code 2021-01-21T17:12:35.232Z}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {}

    /** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds: the years {@link #timestamp} writes itself. */
    private static final long FIRST_FOUR_DIGIT_YEAR = -62_135_596_800L;

    private static final long FIRST_FIVE_DIGIT_YEAR = 253_402_300_800L;

    /**
     * An instant as the API writes times. Years 1 to 9999 (every time a client or the fake's clock produces) are
     * written digit by digit, as they are rendered twice in every workspace of every answer and the formatter costs a
     * GetWorkspace a few percent of its time; other years go through the formatter itself.
     */
    public static String timestamp(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_YEAR || seconds >= FIRST_FIVE_DIGIT_YEAR) {
            return TIMESTAMP.format(instant);
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC);
        char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(text, 0, time.getYear(), 4);
        digits(text, 5, time.getMonthValue(), 2);
        digits(text, 8, time.getDayOfMonth(), 2);
        digits(text, 11, time.getHour(), 2);
        digits(text, 14, time.getMinute(), 2);
        digits(text, 17, time.getSecond(), 2);
        digits(text, 20, time.getNano() / 1_000_000, 3);
        return new String(text);
    }

    /** Writes {@code value} as {@code width} decimal digits ending before {@code at + width}. */
    private static void digits(char[] text, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }

    /** The one Jackson mapper, for trees: the admin API's answers, snapshots and seeds. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** A new, empty JSON object. */
    public static ObjectNode object() {
        return mapper().createObjectNode();
    }

    /** A JSON object's UTF-8 bytes. */
    public static byte[] bytes(ObjectNode node) {
        try {
            return mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Writes members of a JSON document with Jackson's streaming generator. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    /** A JSON object's UTF-8 bytes, its members written by {@code members} between the braces. */
    public static byte[] document(Writer members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            members.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON answer could not be written", e);
        }
        return out.toByteArray();
    }
}
