'use strict';
// Replays, call by call and with their exact bodies, what real clients send to the model registry and code sources
// (../shared/client-flows.md), and prints what each step answered as one JSON object; ModelRegistryClientsIT asserts
// on it.
//
//   node model-flows.js <flow> <endpoint host:port> <AccessKeyId> <AccessKeySecret> <WorkspaceId>
//
//   terraform-model          alicloud_pai_workspace_model: create (only a name), read, update with labels, labels
//                            replaced, delete, read until not found
//   terraform-model-version  alicloud_pai_workspace_model_version: with and without version_name, update with labels,
//                            delete, read until not found
//   terraform-code-source    alicloud_pai_workspace_code_source: create, read, publish and update, delete, read
//   python-sdk               the PAI Python SDK: Model.register twice under one name (1.0.0, 1.1.0), RegisteredModel
//                            resolving the latest, list_versions, RegisteredModel.list, deleting a version
//   cli-code-sources         the aliyun CLI's code-source reads (list-code-sources, get-code-source), V3-signed
//
// The Terraform flows use @alicloud/pop-core's ROAClient: the legacy ROA signature (acs AK:signature), as Terraform's
// tea-roa sends it, without x-acs-action. The Python SDK flow uses the same signature plus the x-acs-action header, as
// the SDK's tea-openapi client with signature algorithm v2 signs.
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');
const ROAClient = require('@alicloud/pop-core').ROAClient;

const [flow, endpoint, accessKeyId, accessKeySecret, workspaceId] = process.argv.slice(2);

function roa(withAction) {
  // a long timeout: a first request to a fake on a busy machine may take longer than the 3 s default
  const client = new ROAClient({
    endpoint: 'http://' + endpoint, apiVersion: '2021-02-04', accessKeyId, accessKeySecret, opts: { timeout: 30000 },
  });
  return async (action, method, pathname, query, body) => {
    const headers = {};
    if (body !== undefined && body !== null) headers['content-type'] = 'application/json; charset=utf-8';
    if (withAction) headers['x-acs-action'] = action;
    try {
      const result = await client.request(method, pathname, query || {},
        body !== undefined && body !== null ? JSON.stringify(body) : '', headers);
      return { status: 200, body: result };
    } catch (e) {
      const status = /^code: (\d+)/.exec(e.message);
      return { error: { code: e.code, status: status ? Number(status[1]) : e.statusCode, message: e.message } };
    }
  };
}

function v3() {
  const client = new OpenApi.default(new OpenApi.Config({
    endpoint, protocol: 'http', regionId: 'cn-hangzhou', accessKeyId, accessKeySecret,
  }));
  return async (action, method, pathname, query, body) => {
    const params = new OpenApi.Params({
      action, version: '2021-02-04', protocol: 'HTTPS', pathname, method, authType: 'AK', style: 'ROA',
      reqBodyType: 'json', bodyType: 'json',
    });
    try {
      const response = await client.callApi(params,
        new OpenApi.OpenApiRequest({ query: query || undefined, body: body || undefined }),
        new Util.RuntimeOptions({ readTimeout: 30000, connectTimeout: 30000 }));
      return { status: response.statusCode, body: response.body };
    } catch (e) {
      return { error: { code: e.code, status: e.statusCode || (e.data && e.data.statusCode), message: e.message } };
    }
  };
}

// Terraform: resource_alicloud_pai_workspace_model.go. Its acceptance test's first step sets only model_name (no
// workspace_id: the account's default workspace), later ones domain, origin, task, model_type, order_number,
// extra_info and five labels, then one label.
async function terraformModel(call) {
  const steps = {};
  const name = 'tf-testacc-model';
  steps.create = await call('CreateModel', 'POST', '/api/v1/models', null, { ModelName: name });
  const id = steps.create.body && steps.create.body.ModelId;
  const path = '/api/v1/models/' + id;
  steps.readAfterCreate = await call('GetModel', 'GET', path);
  steps.update = await call('UpdateModel', 'PUT', path, null, {
    ModelId: id, ModelName: name, ModelDescription: 'tf test', Accessibility: 'PRIVATE', Origin: 'Civitai',
    Domain: 'aigc', Task: 'text-to-image-synthesis', OrderNumber: 1, ModelType: 'Checkpoint', ExtraInfo: { test: '15' },
  });
  const five = [
    { Key: 'base_model', Value: 'SD 1.5' }, { Key: 'key2', Value: 'v2' }, { Key: 'key3', Value: 'v3' },
    { Key: 'key4', Value: 'v4' }, { Key: 'key5', Value: 'v5' },
  ];
  steps.createLabels = await call('CreateModelLabels', 'POST', path + '/labels', null, { ModelId: id, Labels: five });
  steps.readAfterUpdate = await call('GetModel', 'GET', path);
  steps.deleteLabels = await call('DeleteModelLabels', 'DELETE', path + '/labels',
    { LabelKeys: five.map((label) => label.Key).join(',') }, { ModelId: id });
  steps.replaceLabels = await call('CreateModelLabels', 'POST', path + '/labels', null,
    { ModelId: id, Labels: [{ Key: 'base_model', Value: 'SDXL' }] });
  steps.readAfterLabels = await call('GetModel', 'GET', path);
  steps.delete = await call('DeleteModel', 'DELETE', path);
  steps.readAfterDelete = await call('GetModel', 'GET', path);
  steps.deleteAgain = await call('DeleteModel', 'DELETE', path);
  return steps;
}

// Terraform: resource_alicloud_pai_workspace_model_version.go, on a model made for the purpose.
async function terraformModelVersion(call) {
  const steps = {};
  steps.model = await call('CreateModel', 'POST', '/api/v1/models', null,
    { ModelName: 'tf-testacc-versions', WorkspaceId: workspaceId });
  const modelId = steps.model.body && steps.model.body.ModelId;
  const versions = '/api/v1/models/' + modelId + '/versions';
  const uri = 'oss://hz-test-0701.oss-cn-hangzhou-internal.aliyuncs.com/checkpoints/';
  steps.createUnnamed = await call('CreateModelVersion', 'POST', versions, null, { Uri: uri });
  const unnamed = steps.createUnnamed.body && steps.createUnnamed.body.VersionName;
  steps.readUnnamed = await call('GetModelVersion', 'GET', versions + '/' + unnamed);
  steps.createNamed = await call('CreateModelVersion', 'POST', versions, null, {
    VersionName: '1.0.0', Uri: uri, Labels: [{ Key: 'k1', Value: 'v1' }], VersionDescription: 'first',
    FormatType: 'SavedModel', FrameworkType: 'PyTorch', Options: '{"test":"options"}',
    TrainingSpec: { test: 'TrainingSpec' }, InferenceSpec: { test: 'InferenceSpec' }, SourceType: 'TrainingService',
    SourceId: 'region=cn-hangzhou,workspaceId=' + workspaceId + ',kind=TrainingJob,id=job-id',
    ApprovalStatus: 'Approved', Metrics: { test: 'Metrics' }, ExtraInfo: { test: 'ExtraInfo' },
  });
  const named = versions + '/1.0.0';
  steps.readNamed = await call('GetModelVersion', 'GET', named);
  steps.update = await call('UpdateModelVersion', 'PUT', named, null, {
    VersionDescription: 'updated', Metrics: { test: 'Metrics2' }, TrainingSpec: { test: 'TrainingSpec2' },
    InferenceSpec: { test: 'InferenceSpec2' }, Options: '{"test":"options2"}', SourceType: 'TrainingService',
    SourceId: 'region=cn-hangzhou,workspaceId=' + workspaceId + ',kind=TrainingJob,id=job-id2',
    ApprovalStatus: 'Rejected', ExtraInfo: { test: 'ExtraInfo2' },
  });
  steps.deleteLabels = await call('DeleteModelVersionLabels', 'DELETE', named + '/labels', { LabelKeys: 'k1' }, {});
  steps.createLabels = await call('CreateModelVersionLabels', 'POST', named + '/labels', null,
    { Labels: [{ Value: 'v2', Key: 'k2' }, { Value: 'v3', Key: 'k3' }] });
  steps.readAfterUpdate = await call('GetModelVersion', 'GET', named);
  steps.delete = await call('DeleteModelVersion', 'DELETE', named);
  steps.readAfterDelete = await call('GetModelVersion', 'GET', named);
  steps.deleteUnnamed = await call('DeleteModelVersion', 'DELETE', versions + '/' + unnamed);
  steps.deleteModel = await call('DeleteModel', 'DELETE', '/api/v1/models/' + modelId);
  steps.readVersionOfDeletedModel = await call('GetModelVersion', 'GET', named);
  return steps;
}

// Terraform: resource_alicloud_pai_workspace_code_source.go; its test goes PRIVATE -> PUBLIC with token-01.
async function terraformCodeSource(call) {
  const steps = {};
  steps.create = await call('CreateCodeSource', 'POST', '/api/v1/codesources', null, {
    WorkspaceId: workspaceId, DisplayName: 'tf-testacc-code', Description: 'code source', CodeRepo:
      'https://github.com/mattn/go-sqlite3.git', CodeRepoUserName: 'user', CodeRepoAccessToken: 'token-01',
    CodeBranch: 'master', MountPath: '/mnt/code/dir_01/', Accessibility: 'PRIVATE', CodeCommit: '0',
  });
  const id = steps.create.body && steps.create.body.CodeSourceId;
  const path = '/api/v1/codesources/' + id;
  steps.readAfterCreate = await call('GetCodeSource', 'GET', path);
  steps.readBeforePublish = await call('GetCodeSource', 'GET', path);
  steps.publish = await call('PublishCodeSource', 'PUT', path + '/publish', null, { CodeSourceId: id });
  steps.update = await call('UpdateCodeSource', 'PUT', path, null, {
    CodeSourceId: id, DisplayName: 'tf-testacc-code-update', Description: 'code source update',
    CodeRepo: 'https://github.com/mattn/go-sqlite3.git', CodeBranch: 'master', CodeCommit: '1',
    CodeRepoUserName: 'user', CodeRepoAccessToken: 'token-02', MountPath: '/mnt/code/dir_02/',
  });
  steps.readAfterUpdate = await call('GetCodeSource', 'GET', path);
  steps.delete = await call('DeleteCodeSource', 'DELETE', path);
  steps.readAfterDelete = await call('GetCodeSource', 'GET', path);
  steps.deleteAgain = await call('DeleteCodeSource', 'DELETE', path);
  return steps;
}

// The PAI Python SDK (pai/model/_model.py, pai/api/model.py) and its integration test test_create_delete.
async function pythonSdk(call) {
  const steps = {};
  const name = 'sdk_test_model';
  const exact = { ModelName: '"' + name + '"', WorkspaceId: workspaceId };
  async function register(version) {
    const found = await call('ListModels', 'GET', '/api/v1/models', exact);
    let modelId;
    let created;
    if (found.body && found.body.TotalCount === 0) {
      created = await call('CreateModel', 'POST', '/api/v1/models', null, {
        ModelName: name, Labels: [{ Key: 'model-label', Value: 'm' }], ModelDescription: 'registered by the SDK',
        Accessibility: 'PRIVATE', WorkspaceId: workspaceId,
      });
      modelId = created.body && created.body.ModelId;
    } else {
      modelId = found.body && found.body.Models[0].ModelId;
    }
    const versioned = await call('CreateModelVersion', 'POST', '/api/v1/models/' + modelId + '/versions', null, {
      Uri: 'oss://sdk-test-bucket/models/' + version + '/', VersionName: version,
      Labels: [{ Key: 'Foo', Value: 'Bar' }], FormatType: 'SavedModel', FrameworkType: 'PyTorch',
      InferenceSpec: { processor: 'pytorch_cpu_1.10' },
    });
    return { found, created, versioned, modelId };
  }
  steps.first = await register('1.0.0');
  steps.second = await register('1.1.0');
  const modelId = steps.first.modelId;
  steps.resolve = await call('ListModels', 'GET', '/api/v1/models', { ModelName: '"' + name + '"', WorkspaceId: workspaceId });
  steps.versionPages = [];
  for (let page = 1; page <= 10; page++) {
    const answer = await call('ListModelVersions', 'GET', '/api/v1/models/' + modelId + '/versions',
      { PageSize: '50', PageNumber: String(page) });
    steps.versionPages.push(answer);
    if (!answer.body || answer.body.Versions.length === 0) break;
  }
  steps.modelPages = [];
  for (let page = 1; page <= 10; page++) {
    const answer = await call('ListModels', 'GET', '/api/v1/models',
      { PageSize: '50', PageNumber: String(page), WorkspaceId: workspaceId });
    steps.modelPages.push(answer);
    if (!answer.body || answer.body.Models.length === 0) break;
  }
  steps.deleteVersion = await call('DeleteModelVersion', 'DELETE', '/api/v1/models/' + modelId + '/versions/1.0.0');
  steps.getDeleted = await call('GetModelVersion', 'GET', '/api/v1/models/' + modelId + '/versions/1.0.0');
  steps.resolveAfterDelete = await call('ListModels', 'GET', '/api/v1/models', exact);
  steps.getKept = await call('GetModelVersion', 'GET', '/api/v1/models/' + modelId + '/versions/1.1.0');
  steps.deleteModel = await call('DeleteModel', 'DELETE', '/api/v1/models/' + modelId);
  steps.resolveAfterModelDeleted = await call('ListModels', 'GET', '/api/v1/models', exact);
  return steps;
}

// The aliyun CLI's DLC skill: list-code-sources --workspace-id, then get-code-source (CodeBranch, CodeCommit).
async function cliCodeSources(call) {
  const steps = {};
  steps.list = await call('ListCodeSources', 'GET', '/api/v1/codesources', { WorkspaceId: workspaceId });
  const first = steps.list.body && steps.list.body.CodeSources[0];
  steps.get = await call('GetCodeSource', 'GET', '/api/v1/codesources/' + (first && first.CodeSourceId));
  return steps;
}

async function main() {
  const flows = {
    'terraform-model': () => terraformModel(roa(false)),
    'terraform-model-version': () => terraformModelVersion(roa(false)),
    'terraform-code-source': () => terraformCodeSource(roa(false)),
    'python-sdk': () => pythonSdk(roa(true)),
    'cli-code-sources': () => cliCodeSources(v3()),
  };
  if (!flows[flow]) throw new Error('unknown flow ' + flow);
  process.stdout.write(JSON.stringify(await flows[flow]()) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
