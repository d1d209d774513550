package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.contract.ContractConfig;
import io.github.paiworkspacefake.contract.ContractResult;
import io.github.paiworkspacefake.contract.ContractSuite;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The whole contract suite, creating checks included, against the fake running in its container image. */
@RequiresDocker
@Testcontainers
class ContractSuiteAgainstContainerIT {

    @Container
    static final PaiWorkspaceFakeContainer FAKE = new PaiWorkspaceFakeContainer();

    @Container
    static final PaiWorkspaceFakeContainer STRICT_AND_SEEDED = new PaiWorkspaceFakeContainer()
            .withAccessKey("LTAI5tContainerKey", "ContainerSecret")
            .withSeedFile(seedFile());

    private static Path seedFile() {
        try {
            return Path.of(ContractSuiteAgainstContainerIT.class
                    .getResource("/seeds/team.json")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theContainerPassesTheContractSuite() {
        ContractResult result = ContractSuite.run(
                new ContractConfig(URI.create(FAKE.getBaseUrl()), "cn-hangzhou", "ak", "sk", true), null, System.out);

        assertThat(result.failures()).isEmpty();
        assertThat(result.checks()).hasSizeGreaterThan(20);
    }

    @Test
    void aStrictSeededContainerPassesWithSignedRequestsAndServesTheSeed() throws Exception {
        ContractResult result = ContractSuite.run(
                new ContractConfig(
                        URI.create(STRICT_AND_SEEDED.getBaseUrl()),
                        "cn-hangzhou",
                        "LTAI5tContainerKey",
                        "ContainerSecret",
                        true),
                null,
                System.out);
        HttpResponse<String> unsigned = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(STRICT_AND_SEEDED.getBaseUrl() + "/api/v1/workspaces/7001"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        com.aliyun.teaopenapi.Client sdk = new com.aliyun.teaopenapi.Client(new com.aliyun.teaopenapi.models.Config()
                .setEndpoint(STRICT_AND_SEEDED.getEndpoint())
                .setProtocol("http")
                .setRegionId("cn-hangzhou")
                .setAccessKeyId("LTAI5tContainerKey")
                .setAccessKeySecret("ContainerSecret"));
        Map<String, ?> seeded = sdk.callApi(
                OfficialSdk.params("GetWorkspace", "GET", "/api/v1/workspaces/7001"),
                new com.aliyun.teaopenapi.models.OpenApiRequest(),
                new com.aliyun.teautil.models.RuntimeOptions());

        assertThat(result.failures()).isEmpty();
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("IncompleteSignature");
        assertThat(((Map<?, ?>) seeded.get("body")).get("WorkspaceName")).isEqualTo("team_ws");
    }
}
