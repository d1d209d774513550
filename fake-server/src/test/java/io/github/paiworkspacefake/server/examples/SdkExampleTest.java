package io.github.paiworkspacefake.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teautil.models.RuntimeOptions;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's and docs/sdk-and-signatures.md's SDK example, run against a strict fake. */
class SdkExampleTest {

    @Test
    void theSdkConfigForAFake() throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .accessKey("LTAI5tExample", "ExampleSecret")
                .build()
                .start()) {
            // docs:begin sdk
            Config config = new Config()
                    .setEndpoint(fake.endpoint())
                    .setProtocol("http")
                    .setRegionId(fake.regionId())
                    .setAccessKeyId(fake.accessKeyId())
                    .setAccessKeySecret(fake.accessKeySecret());
            Client sdk = new Client(config);
            // docs:end sdk

            Map<String, ?> answer = sdk.callApi(
                    OfficialSdk.params("ListWorkspaces", "GET", "/api/v1/workspaces"),
                    new OpenApiRequest(),
                    new RuntimeOptions());
            assertThat(answer.get("statusCode")).isEqualTo(200);
        }
    }
}
