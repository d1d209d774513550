package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.PaiWorkspaceApi.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The workspace-settings operations (configurations, user configurations, connections, roles, permissions, resources,
 * quotas, products, features, prompts) as the official SDK calls them, through the run's one signing client.
 */
final class SettingsApi {

    private final PaiWorkspaceApi api;

    SettingsApi(PaiWorkspaceApi api) {
        this.api = api;
    }

    /** A GET of {@code path} with these query parameters, given as name, value, ... (raw values, encoded here). */
    ApiResponse get(String action, String path, String... namesAndValues) {
        return api.send(action, "GET", path, query(namesAndValues), null);
    }

    /** A request with a JSON body (null for none) and query parameters, given as name, value, ... */
    ApiResponse send(String action, String method, String path, String jsonBody, String... namesAndValues) {
        return api.send(action, method, path, query(namesAndValues), jsonBody);
    }

    /** {@code /api/v1/workspaces/{WorkspaceId}} and the rest, each segment encoded. */
    static String workspacePath(String workspaceId, String... rest) {
        return path(prepend("api/v1/workspaces", workspaceId, rest));
    }

    /** {@code /api/v1/<collection>/<id>...}, each segment encoded. */
    static String apiPath(String collection, String... rest) {
        return path(prepend("api/v1", collection, rest));
    }

    private static List<String> prepend(String base, String first, String... rest) {
        List<String> segments = new ArrayList<>(List.of(base.split("/")));
        segments.add(first);
        segments.addAll(List.of(rest));
        return segments;
    }

    private static String path(List<String> segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(AcsV3Signer.percentEncode(segment));
        }
        return path.toString();
    }

    /** The answer is a 200 valid against {@code schema}; returns it. */
    static ApiResponse succeeded(ApiResponse answer, ResponseSchemas schema) {
        org.assertj.core.api.Assertions.assertThat(answer.status())
                .as("%s", answer)
                .isEqualTo(200);
        schema.assertValid(answer);
        return answer;
    }
}
