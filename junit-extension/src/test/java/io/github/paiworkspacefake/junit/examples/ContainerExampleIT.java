package io.github.paiworkspacefake.junit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.junit.PaiWorkspaceFakeContainer;
import io.github.paiworkspacefake.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The README's and docs/container.md's container example, run (CI requires Docker, so it never skips there). */
// docs:begin container
@Testcontainers(disabledWithoutDocker = true)
class ContainerExampleIT {

    @Container
    static final PaiWorkspaceFakeContainer FAKE = new PaiWorkspaceFakeContainer().withRegion("cn-hangzhou");
    // docs:end container

    // docs:begin container-admin
    @Container
    static final PaiWorkspaceFakeContainer WITH_ADMIN = new PaiWorkspaceFakeContainer().withAdminApi();
    // docs:end container-admin

    @Test
    void createsAWorkspace() {
        String baseUrl = FAKE.getBaseUrl(); // http://localhost:<mapped port>
        String endpoint = FAKE.getEndpoint(); // localhost:<mapped port>, for the SDK's Config
        assertThat(new ApiClient(baseUrl).createWorkspace("from_container")).isNotBlank();
        assertThat(baseUrl).endsWith(endpoint);
    }

    @Test
    void theAdminApiIsReachableFromTheHost() {
        assertThat(new ApiClient(WITH_ADMIN.getAdminUrl()).get("/snapshot").status())
                .isEqualTo(200);
    }
}
