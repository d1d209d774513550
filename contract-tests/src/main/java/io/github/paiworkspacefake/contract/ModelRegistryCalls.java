package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.PaiWorkspaceApi.query;

/**
 * The model registry's and code sources' operations as the official SDK calls them (its paths, methods and JSON
 * bodies), sent through the run's {@link PaiWorkspaceApi}, so that every answer is signed, recorded and checked like the
 * workspace operations'. Query parameters are given as name, value, name, value, ... (raw values, encoded here).
 */
final class ModelRegistryCalls {

    private final PaiWorkspaceApi api;

    ModelRegistryCalls(PaiWorkspaceApi api) {
        this.api = api;
    }

    ApiResponse createModel(String jsonBody) {
        return api.send("CreateModel", "POST", "/api/v1/models", null, jsonBody);
    }

    ApiResponse getModel(String modelId) {
        return api.send("GetModel", "GET", model(modelId), null, null);
    }

    ApiResponse listModels(String... namesAndValues) {
        return api.send("ListModels", "GET", "/api/v1/models", query(namesAndValues), null);
    }

    ApiResponse updateModel(String modelId, String jsonBody) {
        return api.send("UpdateModel", "PUT", model(modelId), null, jsonBody);
    }

    ApiResponse deleteModel(String modelId) {
        return api.send("DeleteModel", "DELETE", model(modelId), null, null);
    }

    ApiResponse createModelLabels(String modelId, String jsonBody) {
        return api.send("CreateModelLabels", "POST", model(modelId) + "/labels", null, jsonBody);
    }

    ApiResponse deleteModelLabels(String modelId, String labelKeys) {
        return api.send("DeleteModelLabels", "DELETE", model(modelId) + "/labels", query("LabelKeys", labelKeys), null);
    }

    ApiResponse createModelVersion(String modelId, String jsonBody) {
        return api.send("CreateModelVersion", "POST", model(modelId) + "/versions", null, jsonBody);
    }

    ApiResponse getModelVersion(String modelId, String versionName) {
        return api.send("GetModelVersion", "GET", version(modelId, versionName), null, null);
    }

    ApiResponse listModelVersions(String modelId, String... namesAndValues) {
        return api.send("ListModelVersions", "GET", model(modelId) + "/versions", query(namesAndValues), null);
    }

    ApiResponse updateModelVersion(String modelId, String versionName, String jsonBody) {
        return api.send("UpdateModelVersion", "PUT", version(modelId, versionName), null, jsonBody);
    }

    ApiResponse deleteModelVersion(String modelId, String versionName) {
        return api.send("DeleteModelVersion", "DELETE", version(modelId, versionName), null, null);
    }

    ApiResponse createCodeSource(String jsonBody) {
        return api.send("CreateCodeSource", "POST", "/api/v1/codesources", null, jsonBody);
    }

    ApiResponse getCodeSource(String codeSourceId) {
        return api.send("GetCodeSource", "GET", codeSource(codeSourceId), null, null);
    }

    ApiResponse listCodeSources(String... namesAndValues) {
        return api.send("ListCodeSources", "GET", "/api/v1/codesources", query(namesAndValues), null);
    }

    ApiResponse updateCodeSource(String codeSourceId, String jsonBody) {
        return api.send("UpdateCodeSource", "PUT", codeSource(codeSourceId), null, jsonBody);
    }

    ApiResponse publishCodeSource(String codeSourceId) {
        return api.send("PublishCodeSource", "PUT", codeSource(codeSourceId) + "/publish", null, "{}");
    }

    ApiResponse deleteCodeSource(String codeSourceId) {
        return api.send("DeleteCodeSource", "DELETE", codeSource(codeSourceId), null, null);
    }

    private static String model(String modelId) {
        return "/api/v1/models/" + AcsV3Signer.percentEncode(modelId);
    }

    private static String version(String modelId, String versionName) {
        return model(modelId) + "/versions/" + AcsV3Signer.percentEncode(versionName);
    }

    private static String codeSource(String codeSourceId) {
        return "/api/v1/codesources/" + AcsV3Signer.percentEncode(codeSourceId);
    }
}
