package io.github.paiworkspacefake.server.internal.http;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids in the service's form, {@code A0F049F0-8D69-5BAC-8F10-B4DED1B5A34C}, sent in a response header too. */
public final class RequestIds {

    /** The response header that carries the request id. */
    public static final String HEADER = "x-acs-request-id";

    private RequestIds() {}

    /**
     * A random version-4 UUID in upper case. Drawn from {@link ThreadLocalRandom}, not {@code SecureRandom}: a request
     * id needs to be unique, not unguessable, and every request makes one, so it must not contend.
     */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString().toUpperCase(Locale.ROOT);
    }
}
