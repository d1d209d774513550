package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A successful ListMembers answer read as the SDK's model reads it: {@code TotalCount} and the items of
 * {@code Members}. Made only from an answer that is HTTP 200 and valid against its schema.
 */
record MemberList(ApiResponse response) {

    /** The answer, which must be HTTP 200 and valid against the ListMembers schema. */
    static MemberList of(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        ResponseSchemas.LIST_MEMBERS.assertValid(response);
        return new MemberList(response);
    }

    long totalCount() {
        return response.json().get("TotalCount").asLong();
    }

    List<JsonNode> members() {
        List<JsonNode> items = new ArrayList<>();
        response.json().get("Members").forEach(items::add);
        return items;
    }

    List<String> memberIds() {
        return members().stream().map(member -> member.get("MemberId").asText()).toList();
    }

    List<String> userIds() {
        return members().stream().map(member -> member.get("UserId").asText()).toList();
    }

    /** The listed member with this {@code UserId}, if it is on this page. */
    Optional<JsonNode> byUserId(String userId) {
        return members().stream()
                .filter(member -> member.get("UserId").asText().equals(userId))
                .findFirst();
    }
}
