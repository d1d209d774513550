package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.PaiWorkspaceApi.query;

/**
 * The Experiment, Run, Image and ImageLabel operations as the official SDK calls them (method, path, query, JSON body),
 * sent through the run's signed client, so that every answer is also seen by the run-wide checks.
 */
final class TrackingRequests {

    private final PaiWorkspaceApi api;

    TrackingRequests(PaiWorkspaceApi api) {
        this.api = api;
    }

    private static String path(String base, String id) {
        return base + "/" + AcsV3Signer.percentEncode(id);
    }

    private static String experiment(String id) {
        return path("/api/v1/experiments", id);
    }

    private static String run(String id) {
        return path("/api/v1/runs", id);
    }

    private static String image(String id) {
        return path("/api/v1/images", id);
    }

    // ---- experiments

    ApiResponse createExperiment(String json) {
        return api.send("CreateExperiment", "POST", "/api/v1/experiments", null, json);
    }

    ApiResponse getExperiment(String experimentId, Boolean verbose) {
        return api.send(
                "GetExperiment",
                "GET",
                experiment(experimentId),
                query("Verbose", verbose == null ? null : verbose.toString()),
                null);
    }

    ApiResponse listExperiment(String... namesAndValues) {
        return api.send("ListExperiment", "GET", "/api/v1/experiments", query(namesAndValues), null);
    }

    ApiResponse updateExperiment(String experimentId, String json) {
        return api.send("UpdateExperiment", "PUT", experiment(experimentId), null, json);
    }

    ApiResponse deleteExperiment(String experimentId) {
        return api.send("DeleteExperiment", "DELETE", experiment(experimentId), null, null);
    }

    ApiResponse setExperimentLabels(String experimentId, String json) {
        return api.send("SetExperimentLabels", "POST", experiment(experimentId) + "/labels", null, json);
    }

    ApiResponse deleteExperimentLabel(String experimentId, String key) {
        return api.send("DeleteExperimentLabel", "DELETE", path(experiment(experimentId) + "/labels", key), null, null);
    }

    // ---- runs

    ApiResponse createRun(String json) {
        return api.send("CreateRun", "POST", "/api/v1/runs", null, json);
    }

    ApiResponse getRun(String runId, Boolean verbose) {
        return api.send(
                "GetRun", "GET", run(runId), query("Verbose", verbose == null ? null : verbose.toString()), null);
    }

    ApiResponse listRuns(String... namesAndValues) {
        return api.send("ListRuns", "GET", "/api/v1/runs", query(namesAndValues), null);
    }

    ApiResponse updateRun(String runId, String json) {
        return api.send("UpdateRun", "PUT", run(runId), null, json);
    }

    ApiResponse deleteRun(String runId) {
        return api.send("DeleteRun", "DELETE", run(runId), null, null);
    }

    ApiResponse deleteRunLabel(String runId, String key) {
        return api.send("DeleteRunLabel", "DELETE", path(run(runId) + "/labels", key), null, null);
    }

    ApiResponse logRunMetrics(String runId, String json) {
        return api.send("LogRunMetrics", "POST", run(runId) + "/metrics/action/log", null, json);
    }

    ApiResponse listRunMetrics(String runId, String... namesAndValues) {
        return api.send("ListRunMetrics", "GET", run(runId) + "/metrics", query(namesAndValues), null);
    }

    // ---- images

    ApiResponse addImage(String json) {
        return api.send("AddImage", "POST", "/api/v1/images", null, json);
    }

    ApiResponse getImage(String imageId, Boolean verbose) {
        return api.send(
                "GetImage", "GET", image(imageId), query("Verbose", verbose == null ? null : verbose.toString()), null);
    }

    ApiResponse listImages(String... namesAndValues) {
        return api.send("ListImages", "GET", "/api/v1/images", query(namesAndValues), null);
    }

    ApiResponse removeImage(String imageId) {
        return api.send("RemoveImage", "DELETE", image(imageId), null, null);
    }

    ApiResponse publishImage(String imageId) {
        return api.send("PublishImage", "PUT", image(imageId) + "/publish", null, null);
    }

    ApiResponse createImageBuild(String json) {
        return api.send("CreateImageBuild", "POST", "/api/v1/imagebuilds", null, json);
    }

    ApiResponse addImageLabels(String imageId, String json) {
        return api.send("AddImageLabels", "POST", image(imageId) + "/labels", null, json);
    }

    ApiResponse removeImageLabels(String imageId, String key) {
        return api.send("RemoveImageLabels", "DELETE", path(image(imageId) + "/labels", key), null, null);
    }

    ApiResponse listImageLabels(String... namesAndValues) {
        return api.send("ListImageLabels", "GET", "/api/v1/image/labels", query(namesAndValues), null);
    }
}
