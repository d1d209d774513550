package io.github.paiworkspacefake.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Workspace API as the official SDK calls it: same paths, headers and V3 signature, raw answers kept. One instance
 * (and one HTTP client) serves one run, and it remembers every answer of the run for the run-wide checks.
 */
final class PaiWorkspaceApi {

    private static final String VERSION = "2021-02-04";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ContractConfig config;
    private final AcsV3Signer signer;
    private final List<ApiResponse> answers = new ArrayList<>();

    PaiWorkspaceApi(ContractConfig config) {
        this.config = config;
        this.signer = new AcsV3Signer(config.accessKeyId(), config.accessKeySecret());
    }

    ApiResponse createWorkspace(String jsonBody) {
        return send("CreateWorkspace", "POST", "/api/v1/workspaces", null, jsonBody);
    }

    ApiResponse getWorkspace(String workspaceId, Boolean verbose) {
        return send(
                "GetWorkspace",
                "GET",
                "/api/v1/workspaces/" + AcsV3Signer.percentEncode(workspaceId),
                verbose == null ? null : "Verbose=" + verbose,
                null);
    }

    ApiResponse getDefaultWorkspace(Boolean verbose) {
        return send(
                "GetDefaultWorkspace",
                "GET",
                "/api/v1/defaultWorkspaces",
                verbose == null ? null : "Verbose=" + verbose,
                null);
    }

    ApiResponse createDefaultWorkspace(String jsonBody) {
        return send("CreateDefaultWorkspace", "POST", "/api/v1/defaultWorkspaces", null, jsonBody);
    }

    ApiResponse deleteWorkspace(String workspaceId) {
        return send(
                "DeleteWorkspace",
                "DELETE",
                "/api/v1/workspaces/" + AcsV3Signer.percentEncode(workspaceId),
                null,
                null);
    }

    /** ListWorkspaces with these query parameters (names and raw values, encoded here), in this order. */
    ApiResponse listWorkspaces(Map<String, String> query) {
        return send("ListWorkspaces", "GET", "/api/v1/workspaces", rawQuery(query), null);
    }

    /** ListWorkspaces with these query parameters, given as name, value, name, value, ... */
    ApiResponse listWorkspaces(String... namesAndValues) {
        return listWorkspaces(pairs(namesAndValues));
    }

    /** CreateMember: {@code POST /api/v1/workspaces/{WorkspaceId}/members} with this JSON body. */
    ApiResponse createMember(String workspaceId, String jsonBody) {
        return send("CreateMember", "POST", workspacePath(workspaceId) + "/members", null, jsonBody);
    }

    /** ListMembers with these query parameters, given as name, value, name, value, ... (raw values, encoded here). */
    ApiResponse listMembers(String workspaceId, String... namesAndValues) {
        return send(
                "ListMembers", "GET", workspacePath(workspaceId) + "/members", rawQuery(pairs(namesAndValues)), null);
    }

    /**
     * GetMember ({@code GET /api/v1/workspaces/{WorkspaceId}/member}, singular) with these query parameters, given as
     * name, value, ...: one of {@code MemberId} and {@code UserId}, or, to check refusals, both or neither.
     */
    ApiResponse getMember(String workspaceId, String... namesAndValues) {
        return send("GetMember", "GET", workspacePath(workspaceId) + "/member", rawQuery(pairs(namesAndValues)), null);
    }

    /** DeleteMembers: {@code DELETE /api/v1/workspaces/{WorkspaceId}/members?MemberIds=a,b}. */
    ApiResponse deleteMembers(String workspaceId, String memberIds) {
        return send(
                "DeleteMembers",
                "DELETE",
                workspacePath(workspaceId) + "/members",
                rawQuery(pairs("MemberIds", memberIds)),
                null);
    }

    /** AddMemberRole: {@code POST /api/v1/workspaces/{WorkspaceId}/members/{MemberId}/roles/{RoleName}}. */
    ApiResponse addMemberRole(String workspaceId, String memberId, String roleName) {
        return send("AddMemberRole", "POST", rolePath(workspaceId, memberId, roleName), null, null);
    }

    /** RemoveMemberRole: {@code DELETE /api/v1/workspaces/{WorkspaceId}/members/{MemberId}/roles/{RoleName}}. */
    ApiResponse removeMemberRole(String workspaceId, String memberId, String roleName) {
        return send("RemoveMemberRole", "DELETE", rolePath(workspaceId, memberId, roleName), null, null);
    }

    /** ListWorkspaceUsers with these query parameters ({@code UserId}, {@code UserName}), given as name, value, ... */
    ApiResponse listWorkspaceUsers(String workspaceId, String... namesAndValues) {
        return send(
                "ListWorkspaceUsers",
                "GET",
                workspacePath(workspaceId) + "/users",
                rawQuery(pairs(namesAndValues)),
                null);
    }

    private static String workspacePath(String workspaceId) {
        return "/api/v1/workspaces/" + AcsV3Signer.percentEncode(workspaceId);
    }

    private static String rolePath(String workspaceId, String memberId, String roleName) {
        return workspacePath(workspaceId) + "/members/" + AcsV3Signer.percentEncode(memberId) + "/roles/"
                + AcsV3Signer.percentEncode(roleName);
    }

    private static Map<String, String> pairs(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    /** The encoded query of these parameters, in their order; null for none. */
    private static String rawQuery(Map<String, String> query) {
        List<String> pairs = new ArrayList<>();
        query.forEach(
                (name, value) -> pairs.add(AcsV3Signer.percentEncode(name) + "=" + AcsV3Signer.percentEncode(value)));
        return pairs.isEmpty() ? null : String.join("&", pairs);
    }

    ApiResponse updateWorkspace(String workspaceId, String jsonBody) {
        return send(
                "UpdateWorkspace",
                "PUT",
                "/api/v1/workspaces/" + AcsV3Signer.percentEncode(workspaceId),
                null,
                jsonBody);
    }

    ApiResponse updateDefaultWorkspace(String jsonBody) {
        return send("UpdateDefaultWorkspace", "PUT", "/api/v1/defaultWorkspaces", null, jsonBody);
    }

    ApiResponse changeResourceGroup(String jsonBody) {
        return send("ChangeResourceGroup", "PUT", "/resourcegroups/action/changeresourcegroup", null, jsonBody);
    }

    /** Every answer this client received so far, in order. */
    List<ApiResponse> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /**
     * The encoded query of name, value, name, value, ... pairs, in their order (a null value leaves its pair out); null
     * for none: the {@code rawQuery} of {@link #send}.
     */
    static String query(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                pairs.add(AcsV3Signer.percentEncode(namesAndValues[i]) + "="
                        + AcsV3Signer.percentEncode(namesAndValues[i + 1]));
            }
        }
        return pairs.isEmpty() ? null : String.join("&", pairs);
    }

    /** Any request, signed; {@code rawQuery} already encoded, {@code jsonBody} null for none. */
    ApiResponse send(String action, String method, String rawPath, String rawQuery, String jsonBody) {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        URI target = URI.create(config.endpoint() + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("host", target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort());
        signed.put("x-acs-action", action);
        signed.put("x-acs-version", VERSION);
        signed.put("x-acs-date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        signed.put("x-acs-signature-nonce", UUID.randomUUID().toString().replace("-", ""));
        signed.put("x-acs-content-sha256", AcsV3Signer.sha256Hex(body));
        if (jsonBody != null) {
            signed.put("content-type", "application/json; charset=utf-8");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("accept", "application/json")
                .header("Authorization", signer.authorization(method, rawPath, rawQuery, signed, body));
        signed.forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ApiResponse answer = new ApiResponse(
                    action,
                    method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery),
                    response.statusCode(),
                    response.headers().firstValue("x-acs-request-id"),
                    response.body());
            synchronized (answers) {
                answers.add(answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(action + ": no answer from " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
