package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The reference pages' own example responses, kept as fixtures, validate against the schemas. They do not all obey
 * their tables (see README, "Contract suite"); the schemas accept what the tables allow and these quirks.
 */
class DocumentedExamplesTest {

    private static String example(String name) throws IOException {
        try (InputStream in = DocumentedExamplesTest.class.getResourceAsStream("examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void createWorkspaceExampleValidates() throws IOException {
        assertThat(ResponseSchemas.CREATE_WORKSPACE.violations("CreateWorkspace", example("create-workspace.json"))).isEmpty();
    }

    @Test
    void getWorkspaceExampleValidatesAsAVerboseAnswer() throws IOException {
        assertThat(ResponseSchemas.GET_WORKSPACE_VERBOSE.violations("GetWorkspace", example("get-workspace-verbose.json"))).isEmpty();
    }

    @Test
    void getWorkspaceExampleIsNotANonVerboseAnswerBecauseItHasOwner() throws IOException {
        assertThat(ResponseSchemas.GET_WORKSPACE.violations("GetWorkspace", example("get-workspace-verbose.json"))).isNotEmpty();
    }

    @Test
    void getDefaultWorkspaceExampleValidatesAsAVerboseAnswerDespiteItsTrailingWhitespace() throws IOException {
        String json = example("get-default-workspace-verbose.json");

        assertThat(json).contains("\"CREATING \"", "4216\\n");
        assertThat(ResponseSchemas.GET_DEFAULT_WORKSPACE_VERBOSE.violations("GetDefaultWorkspace", json)).isEmpty();
    }

    @Test
    void violationsNameTheOperationThePointerAndTheRule() {
        String broken = "{\"RequestId\":\"r\",\"WorkspaceId\":\"1\",\"WorkspaceName\":\"w\",\"GmtCreateTime\":\"2021-01-21T17:12:35Z\","
                + "\"GmtModifiedTime\":\"2021-01-21T17:12:35.232Z\",\"DisplayName\":\"w\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"],"
                + "\"Creator\":\"c\",\"Status\":\"ENABLED\",\"IsDefault\":\"true\"}";

        assertThat(ResponseSchemas.GET_WORKSPACE.violations("GetWorkspace", broken))
                .anySatisfy(v -> assertThat(v).startsWith("GetWorkspace: /IsDefault: type"))
                .anySatisfy(v -> assertThat(v).startsWith("GetWorkspace: /GmtCreateTime: pattern"));
    }
}
