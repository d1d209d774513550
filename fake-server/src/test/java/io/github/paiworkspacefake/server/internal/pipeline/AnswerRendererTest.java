package io.github.paiworkspacefake.server.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline's render stage: only what the catalogue declares, with its declared types and spelling. */
class AnswerRendererTest {

    private static String render(Operation operation, Answer answer) {
        return new String(
                AnswerRenderer.render(Catalogue.get().operation(operation), "REQ", answer), StandardCharsets.UTF_8);
    }

    @Test
    void writesTheRequestIdFirstAsTheOperationSpellsIt() {
        assertThat(render(Operation.GetWorkspace, Answer.empty())).isEqualTo("{\"RequestId\":\"REQ\"}");
        assertThat(render(Operation.ChangeResourceGroup, Answer.empty())).isEqualTo("{\"requestId\":\"REQ\"}");
    }

    @Test
    void writesDeclaredMembersByTheirDeclaredTypesAndLeavesOutNulls() {
        String json = render(
                Operation.ListWorkspaces,
                Answer.empty()
                        .put("TotalCount", 3)
                        .put(
                                "Workspaces",
                                List.of(Map.of(
                                        "WorkspaceId",
                                        "1",
                                        "GmtCreateTime",
                                        Instant.parse("2021-01-21T17:12:35.232Z"),
                                        "IsDefault",
                                        true)))
                        .put("ResourceLimits", null));

        assertThat(json)
                .isEqualTo("{\"RequestId\":\"REQ\",\"TotalCount\":3,\"Workspaces\":[{\"GmtCreateTime\":"
                        + "\"2021-01-21T17:12:35.232Z\",\"IsDefault\":true,\"WorkspaceId\":\"1\"}]}");
    }

    @Test
    void writesFreeFormMapsAsTheyAre() {
        String json = render(
                Operation.GetWorkspace,
                Answer.empty().put("ExtraInfos", Map.of("TenantId", "42")).put("EnvTypes", List.of("prod")));

        assertThat(json).contains("\"ExtraInfos\":{\"TenantId\":\"42\"}", "\"EnvTypes\":[\"prod\"]");
    }

    @Test
    void refusesAnUndeclaredMemberWhenChecking() {
        // this project's tests run with the check on (paiworkspacefake.checkAnswers=true)
        assertThat(Boolean.getBoolean(AnswerRenderer.CHECK_PROPERTY)).isTrue();
        assertThatThrownBy(() -> render(Operation.GetWorkspace, Answer.empty().put("WorkspaceID", "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WorkspaceID");
        assertThatThrownBy(() -> render(
                        Operation.ListWorkspaces,
                        Answer.empty().put("Workspaces", List.of(Map.of("ResourceGroupId", "rg-1")))))
                .hasMessageContaining("ResourceGroupId");
    }
}
