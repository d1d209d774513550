package io.github.paiworkspacefake.server;

import java.util.Locale;
import java.util.UUID;

/** Request ids in the service's form, {@code A0F049F0-8D69-5BAC-8F10-B4DED1B5A34C}, sent in a response header too. */
final class RequestIds {

    /** The response header that carries the request id. */
    static final String HEADER = "x-acs-request-id";

    private RequestIds() {
    }

    static String next() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
