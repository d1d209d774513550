package io.github.paiworkspacefake.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's error format, asserted the same way everywhere. */
public final class ErrorAssertions {

    private ErrorAssertions() {}

    /** Asserts status, Code and the shape every error body has: RequestId (also in the header), HostId, Message. */
    public static void assertError(ApiClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as("HTTP status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body()).as("error body").isNotNull();
        assertThat(reply.body().path("Code").asText())
                .as("Code of %s", reply.body())
                .isEqualTo(code);
        assertThat(reply.body().path("Message").asText()).isNotBlank();
        assertThat(reply.body().path("HostId").asText()).isEqualTo("aiworkspace.cn-hangzhou.aliyuncs.com");
        assertThat(reply.body().path("RequestId").asText()).isNotBlank().isEqualTo(reply.requestIdHeader());
    }
}
