package io.github.paiworkspacefake.server.internal.signature;

import java.util.Collection;
import java.util.function.Function;

/**
 * The parts of an HTTP request that a V3 signature covers, exactly as received.
 *
 * @param method   the HTTP method
 * @param rawPath  the path, still percent-encoded
 * @param rawQuery the query string, still encoded, or null
 * @param header      looks a header up by name, case-insensitively; null when absent
 * @param headerNames the names of the headers sent
 * @param body        the raw body bytes
 */
@SuppressWarnings("ArrayRecordComponent") // read once by the verifiers, never compared
public record SignedRequest(
        String method,
        String rawPath,
        String rawQuery,
        Function<String, String> header,
        Collection<String> headerNames,
        byte[] body) {}
