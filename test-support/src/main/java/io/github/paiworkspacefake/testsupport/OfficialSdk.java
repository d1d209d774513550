package io.github.paiworkspacefake.testsupport;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import java.util.Map;

/**
 * The official SDK's runtime driven exactly as the generated {@code com.aliyun.aiworkspace20210204.Client} drives it:
 * {@code callApi} with the generated operations' fixed Params.
 */
public final class OfficialSdk {

    private final Client client;

    public OfficialSdk(String endpoint, String accessKeyId, String accessKeySecret) {
        try {
            this.client = new Client(new Config()
                    .setEndpoint(endpoint)
                    .setProtocol("http")
                    .setRegionId("cn-hangzhou")
                    .setAccessKeyId(accessKeyId)
                    .setAccessKeySecret(accessKeySecret));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Params params(String action, String method, String pathname) {
        return new Params()
                .setAction(action)
                .setVersion("2021-02-04")
                .setProtocol("HTTPS")
                .setPathname(pathname)
                .setMethod(method)
                .setAuthType("AK")
                .setStyle("ROA")
                .setReqBodyType("json")
                .setBodyType("json");
    }

    public Map<String, ?> createWorkspace(Map<String, Object> body) throws Exception {
        return call(params("CreateWorkspace", "POST", "/api/v1/workspaces"), new OpenApiRequest().setBody(body));
    }

    public Map<String, ?> getWorkspace(String workspaceId, Boolean verbose) throws Exception {
        OpenApiRequest request = new OpenApiRequest();
        if (verbose != null) {
            request.setQuery(Map.of("Verbose", verbose.toString()));
        }
        String path = "/api/v1/workspaces/" + com.aliyun.openapiutil.Client.getEncodeParam(workspaceId);
        return call(params("GetWorkspace", "GET", path), request);
    }

    public Map<String, ?> getDefaultWorkspace(Boolean verbose) throws Exception {
        OpenApiRequest request = new OpenApiRequest();
        if (verbose != null) {
            request.setQuery(Map.of("Verbose", verbose.toString()));
        }
        return call(params("GetDefaultWorkspace", "GET", "/api/v1/defaultWorkspaces"), request);
    }

    public Map<String, ?> createDefaultWorkspace(Map<String, Object> body) throws Exception {
        return call(
                params("CreateDefaultWorkspace", "POST", "/api/v1/defaultWorkspaces"),
                new OpenApiRequest().setBody(body));
    }

    /** ListWorkspaces with the query the generated client builds (only set fields). */
    public Map<String, ?> listWorkspaces(Map<String, String> query) throws Exception {
        return call(params("ListWorkspaces", "GET", "/api/v1/workspaces"), new OpenApiRequest().setQuery(query));
    }

    public Map<String, ?> updateWorkspace(String workspaceId, Map<String, Object> body) throws Exception {
        return call(
                params(
                        "UpdateWorkspace",
                        "PUT",
                        "/api/v1/workspaces/" + com.aliyun.openapiutil.Client.getEncodeParam(workspaceId)),
                new OpenApiRequest().setBody(body));
    }

    public Map<String, ?> deleteWorkspace(String workspaceId) throws Exception {
        return call(
                params(
                        "DeleteWorkspace",
                        "DELETE",
                        "/api/v1/workspaces/" + com.aliyun.openapiutil.Client.getEncodeParam(workspaceId)),
                new OpenApiRequest());
    }

    public Map<String, ?> updateDefaultWorkspace(String workspaceId) throws Exception {
        return call(
                params("UpdateDefaultWorkspace", "PUT", "/api/v1/defaultWorkspaces"),
                new OpenApiRequest().setBody(Map.of("WorkspaceId", workspaceId)));
    }

    public Map<String, ?> changeResourceGroup(String resourceId, String newResourceGroupId) throws Exception {
        return call(
                params("ChangeResourceGroup", "PUT", "/resourcegroups/action/changeresourcegroup"),
                new OpenApiRequest()
                        .setBody(Map.of(
                                "ResourceId",
                                resourceId,
                                "NewResourceGroupId",
                                newResourceGroupId,
                                "ResourceType",
                                "workspace")));
    }

    /** The response body map of a call. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(Map<String, ?> response) {
        return (Map<String, Object>) response.get("body");
    }

    /** Any call, as the generated client makes it. */
    public Map<String, ?> call(Params params, OpenApiRequest request) throws Exception {
        return client.callApi(params, request, new RuntimeOptions());
    }
}
