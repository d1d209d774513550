package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A successful ListWorkspaces answer read as the SDK's model reads it: {@code TotalCount} and the items of
 * {@code Workspaces}. Made only from an answer that is HTTP 200 and valid against its schema.
 */
record ListAnswer(ApiResponse response) {

    /** The answer, which must be HTTP 200 and valid against {@code schema}. */
    static ListAnswer of(ApiResponse response, ResponseSchemas schema) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        schema.assertValid(response);
        return new ListAnswer(response);
    }

    /** A Workspaces answer ({@code Option=GetWorkspaces}, the default). */
    static ListAnswer of(ApiResponse response) {
        return of(response, ResponseSchemas.LIST_WORKSPACES);
    }

    long totalCount() {
        return response.json().get("TotalCount").asLong();
    }

    List<JsonNode> workspaces() {
        List<JsonNode> items = new ArrayList<>();
        response.json().get("Workspaces").forEach(items::add);
        return items;
    }

    List<String> workspaceIds() {
        return workspaces().stream()
                .map(item -> item.get("WorkspaceId").asText())
                .toList();
    }

    List<String> values(String member) {
        return workspaces().stream().map(item -> item.path(member).asText()).toList();
    }
}
