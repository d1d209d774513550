package io.github.paiworkspacefake.junit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import io.github.paiworkspacefake.junit.WithFakePaiWorkspace;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's and docs/junit.md's JUnit example, run: the SDK's runtime creates a workspace in the seeded fake. */
// docs:begin junit
@WithFakePaiWorkspace(seed = "seeds/team.json")
class JUnitExampleTest {

    private static final Params CREATE_WORKSPACE = OfficialSdk.params("CreateWorkspace", "POST", "/api/v1/workspaces");

    @Test
    void createsTheTeamWorkspace(PaiWorkspaceFake fake, Config config) throws Exception {
        Map<String, Object> body =
                Map.of("WorkspaceName", "analytics", "Description", "team analytics", "EnvTypes", List.of("prod"));
        new Client(config).callApi(CREATE_WORKSPACE, new OpenApiRequest().setBody(body), new RuntimeOptions());

        assertThat(fake.workspaces()).extracting(Workspace::workspaceName).contains("analytics", "team_ws");
        assertThat(fake.requests(Operation.CreateWorkspace)).hasSize(1);
    }
}
// docs:end junit
