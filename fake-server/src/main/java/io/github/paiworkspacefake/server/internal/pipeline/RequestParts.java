package io.github.paiworkspacefake.server.internal.pipeline;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The parts of an HTTP request the pipeline reads, without the web server's types.
 *
 * @param pathParameters the path template's parameters, percent-decoded
 * @param rawQuery       the query string as received, or null
 * @param contentType    the {@code Content-Type} header, or null
 * @param body           the body's bytes, read on demand
 */
public record RequestParts(
        Map<String, String> pathParameters, String rawQuery, String contentType, Supplier<byte[]> body) {}
