package io.github.paiworkspacefake.server.internal.catalogue;

/**
 * An error answer: HTTP status, the body's {@code Code} and {@code Message}.
 *
 * @param code    the {@code Code} string
 * @param status  the HTTP status
 * @param message the {@code Message}
 */
public record ErrorSpec(String code, int status, String message) {}
