package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.PaiWorkspaceApi.query;

/**
 * The dataset operations (Dataset, DatasetVersion, DatasetFileMeta, DatasetJob, DatasetJobConfig) as the official SDK
 * calls them: same methods and paths (ids percent-encoded), signed by the run's {@link PaiWorkspaceApi}, whose answers
 * the run-wide checks see too. Query parameters are given as name, value, name, value, ... (raw values, encoded here).
 */
final class DatasetApi {

    private static final String DATASETS = "/api/v1/datasets";

    private final PaiWorkspaceApi api;

    DatasetApi(PaiWorkspaceApi api) {
        this.api = api;
    }

    // ---- Dataset

    ApiResponse createDataset(String json) {
        return api.send("CreateDataset", "POST", DATASETS, null, json);
    }

    ApiResponse getDataset(String datasetId) {
        return api.send("GetDataset", "GET", dataset(datasetId), null, null);
    }

    ApiResponse listDatasets(String... query) {
        return api.send("ListDatasets", "GET", DATASETS, query(query), null);
    }

    ApiResponse updateDataset(String datasetId, String json) {
        return api.send("UpdateDataset", "PUT", dataset(datasetId), null, json);
    }

    ApiResponse deleteDataset(String datasetId) {
        return api.send("DeleteDataset", "DELETE", dataset(datasetId), null, null);
    }

    ApiResponse publishDataset(String datasetId) {
        return api.send("PublishDataset", "PUT", dataset(datasetId) + "/publish", null, "{}");
    }

    ApiResponse createDatasetLabels(String datasetId, String json) {
        return api.send("CreateDatasetLabels", "POST", dataset(datasetId) + "/labels", null, json);
    }

    ApiResponse deleteDatasetLabels(String datasetId, String labelKeys) {
        return api.send(
                "DeleteDatasetLabels", "DELETE", dataset(datasetId) + "/labels", query("LabelKeys", labelKeys), null);
    }

    // ---- DatasetVersion

    ApiResponse createDatasetVersion(String datasetId, String json) {
        return api.send("CreateDatasetVersion", "POST", dataset(datasetId) + "/versions", null, json);
    }

    ApiResponse getDatasetVersion(String datasetId, String versionName) {
        return api.send("GetDatasetVersion", "GET", version(datasetId, versionName), null, null);
    }

    ApiResponse listDatasetVersions(String datasetId, String... query) {
        return api.send("ListDatasetVersions", "GET", dataset(datasetId) + "/versions", query(query), null);
    }

    ApiResponse updateDatasetVersion(String datasetId, String versionName, String json) {
        return api.send("UpdateDatasetVersion", "PUT", version(datasetId, versionName), null, json);
    }

    ApiResponse deleteDatasetVersion(String datasetId, String versionName) {
        return api.send("DeleteDatasetVersion", "DELETE", version(datasetId, versionName), null, null);
    }

    /** CreateDatasetVersionLabels, which is a PUT. */
    ApiResponse createDatasetVersionLabels(String datasetId, String versionName, String json) {
        return api.send("CreateDatasetVersionLabels", "PUT", version(datasetId, versionName) + "/labels", null, json);
    }

    ApiResponse deleteDatasetVersionLabels(String datasetId, String versionName, String keys) {
        return api.send(
                "DeleteDatasetVersionLabels",
                "DELETE",
                version(datasetId, versionName) + "/labels",
                query("Keys", keys),
                null);
    }

    // ---- DatasetFileMeta

    ApiResponse createDatasetFileMetas(String datasetId, String json) {
        return api.send("CreateDatasetFileMetas", "POST", dataset(datasetId) + "/datasetfilemetas", null, json);
    }

    ApiResponse getDatasetFileMeta(String datasetId, String datasetFileMetaId, String... query) {
        return api.send(
                "GetDatasetFileMeta",
                "GET",
                dataset(datasetId) + "/datasetfilemetas/" + AcsV3Signer.percentEncode(datasetFileMetaId),
                query(query),
                null);
    }

    ApiResponse listDatasetFileMetas(String datasetId, String... query) {
        return api.send("ListDatasetFileMetas", "GET", dataset(datasetId) + "/datasetfilemetas", query(query), null);
    }

    ApiResponse updateDatasetFileMetas(String datasetId, String json) {
        return api.send("UpdateDatasetFileMetas", "PUT", dataset(datasetId) + "/datasetfilemetas", null, json);
    }

    ApiResponse deleteDatasetFileMetas(String datasetId, String... query) {
        return api.send(
                "DeleteDatasetFileMetas", "DELETE", dataset(datasetId) + "/datasetfilemetas", query(query), null);
    }

    ApiResponse getDatasetFileMetasStatistics(String datasetId, String... query) {
        return api.send(
                "GetDatasetFileMetasStatistics",
                "GET",
                "/api/v1/statistics/datasets/" + AcsV3Signer.percentEncode(datasetId) + "/datasetfilemetas",
                query(query),
                null);
    }

    // ---- DatasetJob

    ApiResponse createDatasetJob(String datasetId, String json) {
        return api.send("CreateDatasetJob", "POST", dataset(datasetId) + "/datasetjobs", null, json);
    }

    ApiResponse getDatasetJob(String datasetId, String jobId) {
        return api.send("GetDatasetJob", "GET", job(datasetId, jobId), null, null);
    }

    ApiResponse listDatasetJobs(String datasetId, String... query) {
        return api.send("ListDatasetJobs", "GET", dataset(datasetId) + "/datasetjobs", query(query), null);
    }

    ApiResponse updateDatasetJob(String datasetId, String jobId, String json) {
        return api.send("UpdateDatasetJob", "PUT", job(datasetId, jobId), null, json);
    }

    ApiResponse deleteDatasetJob(String datasetId, String jobId) {
        return api.send("DeleteDatasetJob", "DELETE", job(datasetId, jobId), null, null);
    }

    ApiResponse stopDatasetJob(String datasetId, String jobId) {
        return api.send("StopDatasetJob", "PUT", job(datasetId, jobId) + "/action/stop", null, "{}");
    }

    // ---- DatasetJobConfig

    ApiResponse createDatasetJobConfig(String datasetId, String json) {
        return api.send("CreateDatasetJobConfig", "POST", dataset(datasetId) + "/datasetjobconfigs", null, json);
    }

    ApiResponse getDatasetJobConfig(String datasetId, String configId) {
        return api.send("GetDatasetJobConfig", "GET", config(datasetId, configId), null, null);
    }

    /** ListDatasetJobConfigs, whose path ends in a slash as the SDK writes it. */
    ApiResponse listDatasetJobConfigs(String datasetId, String... query) {
        return api.send("ListDatasetJobConfigs", "GET", dataset(datasetId) + "/datasetjobconfigs/", query(query), null);
    }

    ApiResponse updateDatasetJobConfig(String datasetId, String configId, String json) {
        return api.send("UpdateDatasetJobConfig", "PUT", config(datasetId, configId), null, json);
    }

    ApiResponse deleteDatasetJobConfig(String datasetId, String configId) {
        return api.send("DeleteDatasetJobConfig", "DELETE", config(datasetId, configId), null, null);
    }

    private static String dataset(String datasetId) {
        return DATASETS + "/" + AcsV3Signer.percentEncode(datasetId);
    }

    private static String version(String datasetId, String versionName) {
        return dataset(datasetId) + "/versions/" + AcsV3Signer.percentEncode(versionName);
    }

    private static String job(String datasetId, String jobId) {
        return dataset(datasetId) + "/datasetjobs/" + AcsV3Signer.percentEncode(jobId);
    }

    private static String config(String datasetId, String configId) {
        return dataset(datasetId) + "/datasetjobconfigs/" + AcsV3Signer.percentEncode(configId);
    }
}
