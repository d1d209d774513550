package io.github.paiworkspacefake.server;

/**
 * Every operation of the AIWorkSpace API (2021-02-04) by its name in the API reference, as the fake's operation
 * catalogue declares them: the 127 of the current SDK and CreateDefaultWorkspace, which the SDK dropped in 2022 and
 * the fake still serves. An operation the fake does not serve yet is answered {@code 501 NotImplemented}, journaled
 * under its name and can be given faults like any other; docs/coverage.md lists which are served.
 *
 * <p>Generated from the catalogue by {@code fake-server/catalogue/generate.py}; a test checks that the two agree.
 */
public enum Operation {
    /** {@code POST /api/v1/workspaces}: Creates a workspace. */
    CreateWorkspace("Workspace", "POST", "/api/v1/workspaces"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}}: Retrieves the details of a workspace. */
    GetWorkspace("Workspace", "GET", "/api/v1/workspaces/{WorkspaceId}"),
    /** {@code GET /api/v1/workspaces}: Retrieves the list of workspaces in a specified region. */
    ListWorkspaces("Workspace", "GET", "/api/v1/workspaces"),
    /** {@code PUT /api/v1/workspaces/{WorkspaceId}}: Updates the name and description of a workspace. */
    UpdateWorkspace("Workspace", "PUT", "/api/v1/workspaces/{WorkspaceId}"),
    /** {@code DELETE /api/v1/workspaces/{WorkspaceId}}: Deletes a workspace. */
    DeleteWorkspace("Workspace", "DELETE", "/api/v1/workspaces/{WorkspaceId}"),
    /** {@code GET /api/v1/defaultWorkspaces}: Retrieves the details of the default workspace. */
    GetDefaultWorkspace("Workspace", "GET", "/api/v1/defaultWorkspaces"),
    /** {@code PUT /api/v1/defaultWorkspaces}: Sets a workspace as the default. */
    UpdateDefaultWorkspace("Workspace", "PUT", "/api/v1/defaultWorkspaces"),
    /** {@code POST /api/v1/workspaces/{WorkspaceId}/members}: Adds one or more users to a workspace. */
    CreateMember("Member", "POST", "/api/v1/workspaces/{WorkspaceId}/members"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/member}: Retrieves a member of a workspace. */
    GetMember("Member", "GET", "/api/v1/workspaces/{WorkspaceId}/member"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/members}: Lists members in a workspace. */
    ListMembers("Member", "GET", "/api/v1/workspaces/{WorkspaceId}/members"),
    /** {@code DELETE /api/v1/workspaces/{WorkspaceId}/members}: Deletes members from a workspace. */
    DeleteMembers("Member", "DELETE", "/api/v1/workspaces/{WorkspaceId}/members"),
    /** {@code POST /api/v1/workspaces/{WorkspaceId}/members/{MemberId}/roles/{RoleName}}: Assigns a role to a member in a workspace, granting that member the role"s permissions. */
    AddMemberRole("Member", "POST", "/api/v1/workspaces/{WorkspaceId}/members/{MemberId}/roles/{RoleName}"),
    /** {@code DELETE /api/v1/workspaces/{WorkspaceId}/members/{MemberId}/roles/{RoleName}}: Removes a role from a member. */
    RemoveMemberRole("Member", "DELETE", "/api/v1/workspaces/{WorkspaceId}/members/{MemberId}/roles/{RoleName}"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/users}: Lists users who have not joined a workspace and can be added as workspace members. */
    ListWorkspaceUsers("Member", "GET", "/api/v1/workspaces/{WorkspaceId}/users"),
    /** {@code POST /api/v1/workspaces/{WorkspaceId}/roles}: Creates a workspace role. */
    CreateWorkspaceRole("WorkspaceRole", "POST", "/api/v1/workspaces/{WorkspaceId}/roles"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/roles/{RoleId}}: Gets information about a specific role within a workspace. */
    GetWorkspaceRole("WorkspaceRole", "GET", "/api/v1/workspaces/{WorkspaceId}/roles/{RoleId}"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/roles}: Lists the roles in a specified workspace. */
    ListWorkspaceRoles("WorkspaceRole", "GET", "/api/v1/workspaces/{WorkspaceId}/roles"),
    /** {@code PUT /api/v1/workspaces/{WorkspaceId}/roles/{RoleId}}: Updates a role in a workspace. */
    UpdateWorkspaceRole("WorkspaceRole", "PUT", "/api/v1/workspaces/{WorkspaceId}/roles/{RoleId}"),
    /** {@code POST /api/v1/workspaces/{WorkspaceId}/roles/action/delete}: Deletes one or more roles from a workspace. */
    DeleteWorkspaceRoles("WorkspaceRole", "POST", "/api/v1/workspaces/{WorkspaceId}/roles/action/delete"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/permissions/{PermissionCode}}: Retrieves the permissions of a workspace. */
    GetPermission("Permission", "GET", "/api/v1/workspaces/{WorkspaceId}/permissions/{PermissionCode}"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/permissions}: Retrieves a list of user permissions in a workspace. */
    ListPermissions("Permission", "GET", "/api/v1/workspaces/{WorkspaceId}/permissions"),
    /** {@code POST /api/v1/workspaces/{WorkspaceId}/resources}: Add a resource reference to a workspace. */
    CreateWorkspaceResource("Resource", "POST", "/api/v1/workspaces/{WorkspaceId}/resources"),
    /** {@code GET /api/v1/resources}: Lists resources associated with a workspace. */
    ListResources("Resource", "GET", "/api/v1/resources"),
    /** {@code PUT /api/v1/workspaces/{WorkspaceId}/resources}: Updates resources in a workspace. */
    UpdateWorkspaceResource("Resource", "PUT", "/api/v1/workspaces/{WorkspaceId}/resources"),
    /** {@code DELETE /api/v1/workspaces/{WorkspaceId}/resources}: Detaches a resource from a workspace. */
    DeleteWorkspaceResource("Resource", "DELETE", "/api/v1/workspaces/{WorkspaceId}/resources"),
    /** {@code GET /api/v1/quotas}: Retrieves a list of resource quotas. */
    ListQuotas("Quota", "GET", "/api/v1/quotas"),
    /** {@code GET /api/v1/products}: Lists products. */
    ListProducts("Product", "GET", "/api/v1/products"),
    /** {@code POST /api/v1/productorders}: Purchases products. */
    CreateProductOrders("Product", "POST", "/api/v1/productorders"),
    /** {@code GET /api/v1/features}: Retrieves a list of features. */
    ListFeatures("Feature", "GET", "/api/v1/features"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/config}: Retrieves the workspace configuration. */
    GetConfig("Config", "GET", "/api/v1/workspaces/{WorkspaceId}/config"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/configs}: Retrieves the list of workspace configurations. */
    ListConfigs("Config", "GET", "/api/v1/workspaces/{WorkspaceId}/configs"),
    /** {@code PUT /api/v1/workspaces/{WorkspaceId}/config}: Updates or creates workspace configurations. */
    UpdateConfig("Config", "PUT", "/api/v1/workspaces/{WorkspaceId}/config"),
    /** {@code PUT /api/v1/workspaces/{WorkspaceId}/configs}: Updates or creates workspace configurations in batches. */
    UpdateConfigs("Config", "PUT", "/api/v1/workspaces/{WorkspaceId}/configs"),
    /** {@code DELETE /api/v1/workspaces/{WorkspaceId}/configs/{ConfigKey}}: Deletes a workspace configuration. */
    DeleteConfig("Config", "DELETE", "/api/v1/workspaces/{WorkspaceId}/configs/{ConfigKey}"),
    /** {@code GET /api/v1/userconfigs}: Retrieves user configurations. */
    ListUserConfigs("UserConfig", "GET", "/api/v1/userconfigs"),
    /** {@code PUT /api/v1/userconfigs}: Updates user configurations. */
    SetUserConfigs("UserConfig", "PUT", "/api/v1/userconfigs"),
    /** {@code DELETE /api/v1/userconfigs/{CategoryName}}: Deletes a user configuration. */
    DeleteUserConfig("UserConfig", "DELETE", "/api/v1/userconfigs/{CategoryName}"),
    /** {@code POST /api/v1/connections}: Creates a connection to link PAI cloud services with your models, databases, and other services. */
    CreateConnection("Connection", "POST", "/api/v1/connections"),
    /** {@code GET /api/v1/connections/{ConnectionId}}: Retrieves the details of a connection. */
    GetConnection("Connection", "GET", "/api/v1/connections/{ConnectionId}"),
    /** {@code GET /api/v1/connections}: Queries a list of connections. */
    ListConnections("Connection", "GET", "/api/v1/connections"),
    /** {@code PUT /api/v1/connections/{ConnectionId}}: Updates a connection configuration. */
    UpdateConnection("Connection", "PUT", "/api/v1/connections/{ConnectionId}"),
    /** {@code DELETE /api/v1/connections/{ConnectionId}}: Deletes a connection. */
    DeleteConnection("Connection", "DELETE", "/api/v1/connections/{ConnectionId}"),
    /** {@code POST /api/v1/connections/validate}: Validates a connection. */
    ValidateConnection("Connection", "POST", "/api/v1/connections/validate"),
    /** {@code POST /api/v1/datasets}: Creates a dataset. */
    CreateDataset("Dataset", "POST", "/api/v1/datasets"),
    /** {@code GET /api/v1/datasets/{DatasetId}}: Retrieves a dataset. */
    GetDataset("Dataset", "GET", "/api/v1/datasets/{DatasetId}"),
    /** {@code GET /api/v1/datasets}: Lists the datasets in a workspace. */
    ListDatasets("Dataset", "GET", "/api/v1/datasets"),
    /** {@code PUT /api/v1/datasets/{DatasetId}}: Updates the properties of a dataset, such as its name and description. */
    UpdateDataset("Dataset", "PUT", "/api/v1/datasets/{DatasetId}"),
    /** {@code DELETE /api/v1/datasets/{DatasetId}}: Deletes a dataset. */
    DeleteDataset("Dataset", "DELETE", "/api/v1/datasets/{DatasetId}"),
    /** {@code PUT /api/v1/datasets/{DatasetId}/publish}: Publishes a private dataset in a workspace. */
    PublishDataset("Dataset", "PUT", "/api/v1/datasets/{DatasetId}/publish"),
    /** {@code POST /api/v1/datasets/{DatasetId}/labels}: Adds labels to a dataset. */
    CreateDatasetLabels("Dataset", "POST", "/api/v1/datasets/{DatasetId}/labels"),
    /** {@code DELETE /api/v1/datasets/{DatasetId}/labels}: Deletes labels from a dataset. */
    DeleteDatasetLabels("Dataset", "DELETE", "/api/v1/datasets/{DatasetId}/labels"),
    /** {@code POST /api/v1/datasets/{DatasetId}/versions}: Creates a dataset version. */
    CreateDatasetVersion("DatasetVersion", "POST", "/api/v1/datasets/{DatasetId}/versions"),
    /** {@code GET /api/v1/datasets/{DatasetId}/versions/{VersionName}}: Retrieves information about a specific dataset version. */
    GetDatasetVersion("DatasetVersion", "GET", "/api/v1/datasets/{DatasetId}/versions/{VersionName}"),
    /** {@code GET /api/v1/datasets/{DatasetId}/versions}: Retrieves a list of dataset versions. */
    ListDatasetVersions("DatasetVersion", "GET", "/api/v1/datasets/{DatasetId}/versions"),
    /** {@code PUT /api/v1/datasets/{DatasetId}/versions/{VersionName}}: Updates the information for a specific version of a dataset. */
    UpdateDatasetVersion("DatasetVersion", "PUT", "/api/v1/datasets/{DatasetId}/versions/{VersionName}"),
    /** {@code DELETE /api/v1/datasets/{DatasetId}/versions/{VersionName}}: Deletes a specified version of a dataset. */
    DeleteDatasetVersion("DatasetVersion", "DELETE", "/api/v1/datasets/{DatasetId}/versions/{VersionName}"),
    /** {@code PUT /api/v1/datasets/{DatasetId}/versions/{VersionName}/labels}: Creates labels for a dataset version. */
    CreateDatasetVersionLabels("DatasetVersion", "PUT", "/api/v1/datasets/{DatasetId}/versions/{VersionName}/labels"),
    /** {@code DELETE /api/v1/datasets/{DatasetId}/versions/{VersionName}/labels}: Deletes labels from a dataset version. */
    DeleteDatasetVersionLabels(
            "DatasetVersion", "DELETE", "/api/v1/datasets/{DatasetId}/versions/{VersionName}/labels"),
    /** {@code POST /api/v1/datasets/{DatasetId}/datasetfilemetas}: Creates file metadata records for a dataset in a batch. */
    CreateDatasetFileMetas("DatasetFileMeta", "POST", "/api/v1/datasets/{DatasetId}/datasetfilemetas"),
    /** {@code GET /api/v1/datasets/{DatasetId}/datasetfilemetas/{DatasetFileMetaId}}: Retrieves the metadata record of a specified file in a dataset. */
    GetDatasetFileMeta("DatasetFileMeta", "GET", "/api/v1/datasets/{DatasetId}/datasetfilemetas/{DatasetFileMetaId}"),
    /** {@code GET /api/v1/datasets/{DatasetId}/datasetfilemetas}: Queries the list of dataset files. */
    ListDatasetFileMetas("DatasetFileMeta", "GET", "/api/v1/datasets/{DatasetId}/datasetfilemetas"),
    /** {@code PUT /api/v1/datasets/{DatasetId}/datasetfilemetas}: Updates multiple file metadata records in a dataset. */
    UpdateDatasetFileMetas("DatasetFileMeta", "PUT", "/api/v1/datasets/{DatasetId}/datasetfilemetas"),
    /** {@code DELETE /api/v1/datasets/{DatasetId}/datasetfilemetas}: Deletes file metadata records from a dataset in batches. */
    DeleteDatasetFileMetas("DatasetFileMeta", "DELETE", "/api/v1/datasets/{DatasetId}/datasetfilemetas"),
    /** {@code GET /api/v1/statistics/datasets/{DatasetId}/datasetfilemetas}: Retrieves statistics for metadata in a dataset. */
    GetDatasetFileMetasStatistics("DatasetFileMeta", "GET", "/api/v1/statistics/datasets/{DatasetId}/datasetfilemetas"),
    /** {@code POST /api/v1/datasets/{DatasetId}/datasetjobs}: Creates a dataset job. */
    CreateDatasetJob("DatasetJob", "POST", "/api/v1/datasets/{DatasetId}/datasetjobs"),
    /** {@code GET /api/v1/datasets/{DatasetId}/datasetjobs/{DatasetJobId}}: Retrieves a dataset job. */
    GetDatasetJob("DatasetJob", "GET", "/api/v1/datasets/{DatasetId}/datasetjobs/{DatasetJobId}"),
    /** {@code GET /api/v1/datasets/{DatasetId}/datasetjobs}: Retrieves a list of dataset tasks. */
    ListDatasetJobs("DatasetJob", "GET", "/api/v1/datasets/{DatasetId}/datasetjobs"),
    /** {@code PUT /api/v1/datasets/{DatasetId}/datasetjobs/{DatasetJobId}}: Updates a dataset job. */
    UpdateDatasetJob("DatasetJob", "PUT", "/api/v1/datasets/{DatasetId}/datasetjobs/{DatasetJobId}"),
    /** {@code DELETE /api/v1/datasets/{DatasetId}/datasetjobs/{DatasetJobId}}: Deletes a dataset Job. */
    DeleteDatasetJob("DatasetJob", "DELETE", "/api/v1/datasets/{DatasetId}/datasetjobs/{DatasetJobId}"),
    /** {@code PUT /api/v1/datasets/{DatasetId}/datasetjobs/{DatasetJobId}/action/stop}: Stops a dataset Job. */
    StopDatasetJob("DatasetJob", "PUT", "/api/v1/datasets/{DatasetId}/datasetjobs/{DatasetJobId}/action/stop"),
    /** {@code POST /api/v1/datasets/{DatasetId}/datasetjobconfigs}: Creates a dataset Job configuration. */
    CreateDatasetJobConfig("DatasetJobConfig", "POST", "/api/v1/datasets/{DatasetId}/datasetjobconfigs"),
    /** {@code GET /api/v1/datasets/{DatasetId}/datasetjobconfigs/{DatasetJobConfigId}}: Retrieves the configuration of a dataset job. */
    GetDatasetJobConfig(
            "DatasetJobConfig", "GET", "/api/v1/datasets/{DatasetId}/datasetjobconfigs/{DatasetJobConfigId}"),
    /** {@code GET /api/v1/datasets/{DatasetId}/datasetjobconfigs/}: Lists dataset job configurations in batches. */
    ListDatasetJobConfigs("DatasetJobConfig", "GET", "/api/v1/datasets/{DatasetId}/datasetjobconfigs/"),
    /** {@code PUT /api/v1/datasets/{DatasetId}/datasetjobconfigs/{DatasetJobConfigId}}: Updates a dataset job configuration. */
    UpdateDatasetJobConfig(
            "DatasetJobConfig", "PUT", "/api/v1/datasets/{DatasetId}/datasetjobconfigs/{DatasetJobConfigId}"),
    /** {@code DELETE /api/v1/datasets/{DatasetId}/datasetjobconfigs/{DatasetJobConfigId}}: Deletes a dataset job configuration. */
    DeleteDatasetJobConfig(
            "DatasetJobConfig", "DELETE", "/api/v1/datasets/{DatasetId}/datasetjobconfigs/{DatasetJobConfigId}"),
    /** {@code POST /api/v1/models}: Creates a model, which is a collection of model versions. */
    CreateModel("Model", "POST", "/api/v1/models"),
    /** {@code GET /api/v1/models/{ModelId}}: Gets the details of a specified model. */
    GetModel("Model", "GET", "/api/v1/models/{ModelId}"),
    /** {@code GET /api/v1/models}: Retrieves a list of models. */
    ListModels("Model", "GET", "/api/v1/models"),
    /** {@code PUT /api/v1/models/{ModelId}}: Updates the basic configuration of a model. */
    UpdateModel("Model", "PUT", "/api/v1/models/{ModelId}"),
    /** {@code DELETE /api/v1/models/{ModelId}}: Deletes a model. */
    DeleteModel("Model", "DELETE", "/api/v1/models/{ModelId}"),
    /** {@code POST /api/v1/models/{ModelId}/labels}: Creates labels for a model. */
    CreateModelLabels("Model", "POST", "/api/v1/models/{ModelId}/labels"),
    /** {@code DELETE /api/v1/models/{ModelId}/labels}: Deletes model labels. */
    DeleteModelLabels("Model", "DELETE", "/api/v1/models/{ModelId}/labels"),
    /** {@code POST /api/v1/models/{ModelId}/versions}: Adds a new version to a specified model. */
    CreateModelVersion("ModelVersion", "POST", "/api/v1/models/{ModelId}/versions"),
    /** {@code GET /api/v1/models/{ModelId}/versions/{VersionName}}: Retrieves a model version. */
    GetModelVersion("ModelVersion", "GET", "/api/v1/models/{ModelId}/versions/{VersionName}"),
    /** {@code GET /api/v1/models/{ModelId}/versions}: Retrieves a list of model versions. */
    ListModelVersions("ModelVersion", "GET", "/api/v1/models/{ModelId}/versions"),
    /** {@code PUT /api/v1/models/{ModelId}/versions/{VersionName}}: Updates a model version. */
    UpdateModelVersion("ModelVersion", "PUT", "/api/v1/models/{ModelId}/versions/{VersionName}"),
    /** {@code DELETE /api/v1/models/{ModelId}/versions/{VersionName}}: Deletes a model version. */
    DeleteModelVersion("ModelVersion", "DELETE", "/api/v1/models/{ModelId}/versions/{VersionName}"),
    /** {@code POST /api/v1/models/{ModelId}/versions/{VersionName}/labels}: Creates labels for a model version. */
    CreateModelVersionLabels("ModelVersion", "POST", "/api/v1/models/{ModelId}/versions/{VersionName}/labels"),
    /** {@code DELETE /api/v1/models/{ModelId}/versions/{VersionName}/labels}: Deletes labels from a model version. */
    DeleteModelVersionLabels("ModelVersion", "DELETE", "/api/v1/models/{ModelId}/versions/{VersionName}/labels"),
    /** {@code POST /api/v1/codesources}: Creates a code configuration in PAI. */
    CreateCodeSource("CodeSource", "POST", "/api/v1/codesources"),
    /** {@code GET /api/v1/codesources/{CodeSourceId}}: Retrieves the details of a code source configuration. */
    GetCodeSource("CodeSource", "GET", "/api/v1/codesources/{CodeSourceId}"),
    /** {@code GET /api/v1/codesources}: Queries a list of code configurations. */
    ListCodeSources("CodeSource", "GET", "/api/v1/codesources"),
    /** {@code PUT /api/v1/codesources/{CodeSourceId}}: Updates a code source configuration. */
    UpdateCodeSource("CodeSource", "PUT", "/api/v1/codesources/{CodeSourceId}"),
    /** {@code DELETE /api/v1/codesources/{CodeSourceId}}: Deletes a code source configuration by its ID. */
    DeleteCodeSource("CodeSource", "DELETE", "/api/v1/codesources/{CodeSourceId}"),
    /** {@code PUT /api/v1/codesources/{CodeSourceId}/publish}: Publishes a private code source, making it public in a workspace. */
    PublishCodeSource("CodeSource", "PUT", "/api/v1/codesources/{CodeSourceId}/publish"),
    /** {@code POST /api/v1/experiments}: Creates an experiment. */
    CreateExperiment("Experiment", "POST", "/api/v1/experiments"),
    /** {@code GET /api/v1/experiments/{ExperimentId}}: Retrieves an experiment. */
    GetExperiment("Experiment", "GET", "/api/v1/experiments/{ExperimentId}"),
    /** {@code GET /api/v1/experiments}: Retrieves a list of experiments. */
    ListExperiment("Experiment", "GET", "/api/v1/experiments"),
    /** {@code PUT /api/v1/experiments/{ExperimentId}}: Updates an experiment. */
    UpdateExperiment("Experiment", "PUT", "/api/v1/experiments/{ExperimentId}"),
    /** {@code DELETE /api/v1/experiments/{ExperimentId}}: Deletes an experiment. */
    DeleteExperiment("Experiment", "DELETE", "/api/v1/experiments/{ExperimentId}"),
    /** {@code POST /api/v1/experiments/{ExperimentId}/labels}: Updates the labels of an experiment. */
    SetExperimentLabels("Experiment", "POST", "/api/v1/experiments/{ExperimentId}/labels"),
    /** {@code DELETE /api/v1/experiments/{ExperimentId}/labels/{Key}}: Deletes a label from an experiment. */
    DeleteExperimentLabel("Experiment", "DELETE", "/api/v1/experiments/{ExperimentId}/labels/{Key}"),
    /** {@code POST /api/v1/runs}: Creates a run. */
    CreateRun("Run", "POST", "/api/v1/runs"),
    /** {@code GET /api/v1/runs/{RunId}}: Retrieves run details. */
    GetRun("Run", "GET", "/api/v1/runs/{RunId}"),
    /** {@code GET /api/v1/runs}: Retrieves a list of runs. */
    ListRuns("Run", "GET", "/api/v1/runs"),
    /** {@code PUT /api/v1/runs/{RunId}}: Updates the details of a run. */
    UpdateRun("Run", "PUT", "/api/v1/runs/{RunId}"),
    /** {@code DELETE /api/v1/runs/{RunId}}: Deletes a run. */
    DeleteRun("Run", "DELETE", "/api/v1/runs/{RunId}"),
    /** {@code DELETE /api/v1/runs/{RunId}/labels/{Key}}: Deletes a label from a run. */
    DeleteRunLabel("Run", "DELETE", "/api/v1/runs/{RunId}/labels/{Key}"),
    /** {@code POST /api/v1/runs/{RunId}/metrics/action/log}: Records the metrics of a run in a batch. */
    LogRunMetrics("Run", "POST", "/api/v1/runs/{RunId}/metrics/action/log"),
    /** {@code GET /api/v1/runs/{RunId}/metrics}: Retrieves a list of metric records for a run. */
    ListRunMetrics("Run", "GET", "/api/v1/runs/{RunId}/metrics"),
    /** {@code POST /api/v1/images}: Adds a custom image to a workspace. */
    AddImage("Image", "POST", "/api/v1/images"),
    /** {@code GET /api/v1/images/{ImageId}}: Retrieves the details of an image. */
    GetImage("Image", "GET", "/api/v1/images/{ImageId}"),
    /** {@code GET /api/v1/images}: Queries a list of images. */
    ListImages("Image", "GET", "/api/v1/images"),
    /** {@code DELETE /api/v1/images/{ImageId}}: Deletes an image. */
    RemoveImage("Image", "DELETE", "/api/v1/images/{ImageId}"),
    /** {@code PUT /api/v1/images/{ImageId}/publish}: Publishes an image and changes its visibility from PRIVATE to PUBLIC. */
    PublishImage("Image", "PUT", "/api/v1/images/{ImageId}/publish"),
    /** {@code POST /api/v1/imagebuilds}: Builds a custom image based on the specified configuration. */
    CreateImageBuild("Image", "POST", "/api/v1/imagebuilds"),
    /** {@code POST /api/v1/images/{ImageId}/labels}: Adds labels to a specified image. */
    AddImageLabels("ImageLabel", "POST", "/api/v1/images/{ImageId}/labels"),
    /** {@code GET /api/v1/image/labels}: Queries a list of image labels. */
    ListImageLabels("ImageLabel", "GET", "/api/v1/image/labels"),
    /** {@code DELETE /api/v1/images/{ImageId}/labels/{LabelKey}}: Removes a label from an image. */
    RemoveImageLabels("ImageLabel", "DELETE", "/api/v1/images/{ImageId}/labels/{LabelKey}"),
    /** {@code POST /api/v1/prompts}: Creates a prompt. */
    CreatePrompt("Prompt", "POST", "/api/v1/prompts"),
    /** {@code GET /api/v1/prompts/{PromptId}}: Retrieves a prompt. */
    GetPrompt("Prompt", "GET", "/api/v1/prompts/{PromptId}"),
    /** {@code GET /api/v1/prompts}: Retrieves a list of prompts. */
    ListPrompts("Prompt", "GET", "/api/v1/prompts"),
    /** {@code PUT /api/v1/prompts/{PromptId}}: Updates the prompt of a dataset. */
    UpdatePrompt("Prompt", "PUT", "/api/v1/prompts/{PromptId}"),
    /** {@code DELETE /api/v1/prompts/{PromptId}}: Deletes a prompt. */
    DeletePrompt("Prompt", "DELETE", "/api/v1/prompts/{PromptId}"),
    /** {@code GET /api/v1/instancejobs/{InstanceJobId}}: Gets the details of a job. */
    GetInstanceJob("InstanceJob", "GET", "/api/v1/instancejobs/{InstanceJobId}"),
    /** {@code POST /api/v1/workspaces/action/acceptdataworksevent}: PAI accepts and processes system event messages from DataWorks. */
    AcceptDataworksEvent("Other", "POST", "/api/v1/workspaces/action/acceptdataworksevent"),
    /** {@code PUT /resourcegroups/action/changeresourcegroup}: Changes the resource group of a specified resource. */
    ChangeResourceGroup("Other", "PUT", "/resourcegroups/action/changeresourcegroup"),
    /** {@code POST /api/v1/defaultWorkspaces}: Creates the caller's default workspace (removed from the SDK in 2022; served for older clients). */
    CreateDefaultWorkspace("Workspace", "POST", "/api/v1/defaultWorkspaces");

    private final String family;
    private final String method;
    private final String route;

    Operation(String family, String method, String route) {
        this.family = family;
        this.method = method;
        this.route = route;
    }

    /** The family the API reference puts the operation in, such as {@code Workspace} or {@code DatasetVersion}. */
    public String family() {
        return family;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The route, with path parameters in braces. */
    public String route() {
        return route;
    }
}
