package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A successful ListWorkspaceUsers answer (the users who can still be added to the workspace) read as the SDK's model
 * reads it: {@code TotalCount} and the items of {@code Users}. Made only from an answer that is HTTP 200 and valid
 * against its schema.
 */
record WorkspaceUserList(ApiResponse response) {

    /** The answer, which must be HTTP 200 and valid against the ListWorkspaceUsers schema. */
    static WorkspaceUserList of(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        ResponseSchemas.LIST_WORKSPACE_USERS.assertValid(response);
        return new WorkspaceUserList(response);
    }

    long totalCount() {
        return response.json().get("TotalCount").asLong();
    }

    List<JsonNode> users() {
        List<JsonNode> items = new ArrayList<>();
        response.json().get("Users").forEach(items::add);
        return items;
    }

    List<String> userIds() {
        return users().stream().map(user -> user.get("UserId").asText()).toList();
    }
}
