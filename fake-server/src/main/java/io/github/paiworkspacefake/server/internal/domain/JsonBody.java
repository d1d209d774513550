package io.github.paiworkspacefake.server.internal.domain;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A request's JSON object body, read strictly, with typed access that answers wrong types in the API's terms. */
public final class JsonBody {

    /** Deeper JSON is refused; valid bodies nest two levels. */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final ObjectMapper STRICT_READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // numbers come back as they were sent: 1.10 stays 1.10
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private final ObjectNode object;

    private JsonBody(ObjectNode object) {
        this.object = object;
    }

    /**
     * Refuses a request whose {@code Content-Type} is not JSON ({@code application/json} or {@code ...+json}) with
     * 415 UnsupportedMediaType; a missing one is refused only when {@code required}.
     */
    public static void requireJsonContentType(String contentType, boolean required) {
        if (contentType == null || contentType.isBlank()) {
            if (required) {
                throw new ApiException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "The request must declare a JSON body with Content-Type: application/json.");
            }
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The request body must be JSON (Content-Type: application/json), got " + contentType + ".");
        }
    }

    /** Parses a body that must be one JSON object, or fails with an InvalidParameter error. */
    public static JsonBody parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ApiException(
                    ErrorCode.MISSING_PARAMETER, "The request body is empty; a JSON object is required.");
        }
        JsonNode node;
        try {
            node = STRICT_READER.readTree(bytes);
        } catch (JacksonException e) {
            throw new ApiException(
                    ErrorCode.INVALID_PARAMETER, "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The request body could not be read as UTF-8 JSON.");
        }
        if (node == null || node.isMissingNode()) {
            throw new ApiException(
                    ErrorCode.MISSING_PARAMETER, "The request body is empty; a JSON object is required.");
        }
        if (!node.isObject()) {
            throw new ApiException(
                    ErrorCode.INVALID_PARAMETER, "The request body must be a JSON object, got " + describe(node) + ".");
        }
        return new JsonBody((ObjectNode) node);
    }

    /** A member as sent, or null when absent. */
    public JsonNode member(String name) {
        return object.get(name);
    }

    /** An integer member that may be absent or null; wrong JSON types are refused. */
    public Optional<Long> optionalLong(String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.invalid(name, "it must be an integer, got " + describe(value) + ".");
        }
        return Optional.of(value.longValue());
    }

    /** A string member that must be present and non-empty. */
    public String requiredString(String name) {
        return optionalString(name).filter(value -> !value.isEmpty()).orElseThrow(() -> ApiException.missing(name));
    }

    /** A string member that may be absent or null; wrong JSON types are refused. */
    public Optional<String> optionalString(String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.invalid(name, "it must be a string, got " + describe(value) + ".");
        }
        return Optional.of(value.textValue());
    }

    /** An array of strings that may be absent or null; wrong JSON types are refused. */
    public Optional<List<String>> optionalStringList(String name) {
        return optionalArray(name).map(array -> {
            List<String> values = new ArrayList<>(array.size());
            for (JsonNode item : array) {
                if (!item.isTextual()) {
                    throw ApiException.invalid(name, "every item must be a string, got " + describe(item) + ".");
                }
                values.add(item.textValue());
            }
            return values;
        });
    }

    /** An array of objects that may be absent or null; wrong JSON types are refused. */
    public Optional<List<JsonBody>> optionalObjectList(String name) {
        return optionalArray(name).map(array -> {
            List<JsonBody> values = new ArrayList<>(array.size());
            for (JsonNode item : array) {
                if (!item.isObject()) {
                    throw ApiException.invalid(name, "every item must be an object, got " + describe(item) + ".");
                }
                values.add(new JsonBody((ObjectNode) item));
            }
            return values;
        });
    }

    private Optional<JsonNode> optionalArray(String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw ApiException.invalid(name, "it must be an array, got " + describe(value) + ".");
        }
        return Optional.of(value);
    }

    /** A JSON value's kind for messages: {@code a string}, {@code an array}, {@code null}. */
    public static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
