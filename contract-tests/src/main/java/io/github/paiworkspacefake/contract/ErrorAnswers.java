package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

/** The one place that states what a refusal must look like: an HTTP status and a body in the error format. */
final class ErrorAnswers {

    private ErrorAnswers() {}

    /** The answer has exactly this status and a body valid against the error schema. */
    static void assertRefused(ApiResponse response, int status) {
        assertThat(response.status()).as("%s: HTTP status", response).isEqualTo(status);
        ResponseSchemas.ERROR.assertValid(response);
    }

    /** The answer has this status, an error body and this {@code Code}. */
    static void assertRefused(ApiResponse response, int status, String code) {
        assertRefused(response, status);
        assertThat(response.json().get("Code").asText())
                .as("%s: Code", response)
                .isEqualTo(code);
    }

    /** The answer is a client error (4xx) with a body valid against the error schema. */
    static void assertClientError(ApiResponse response) {
        assertThat(response.status()).as("%s: a 4xx", response).isBetween(400, 499);
        ResponseSchemas.ERROR.assertValid(response);
    }
}
