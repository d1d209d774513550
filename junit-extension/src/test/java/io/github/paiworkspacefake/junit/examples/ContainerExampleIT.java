package io.github.paiworkspacefake.junit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.junit.PaiWorkspaceFakeContainer;
import io.github.paiworkspacefake.junit.RequiresDocker;
import io.github.paiworkspacefake.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The README's and docs/container.md's container example, run. {@link RequiresDocker}, asked before
 * {@code @Testcontainers}, keeps it from being skipped where CI requires Docker and fails it at once, with the reason,
 * where Testcontainers could not use the engine; users' own classes need only what the example shows.
 */
@RequiresDocker
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
