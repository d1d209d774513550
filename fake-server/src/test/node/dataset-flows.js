'use strict';
// Replays real clients' dataset flows against the fake with @alicloud/pop-core's ROA client and prints what each call
// answered as one JSON object; DatasetClientsIT asserts on it (../shared/client-flows.md has the flows).
//
//   node dataset-flows.js <flow> <endpoint host:port> <AccessKeyId> <AccessKeySecret> <argument>
//
//   terraform-dataset         alicloud_pai_workspace_dataset: create, read, update (publish, name, description,
//                             options, labels 3 -> 1 -> 0), delete, read until not found; <argument> is the WorkspaceId.
//                             The legacy ROA signature without x-acs-action, as Terraform's tea-roa sends it.
//   terraform-datasetversion  alicloud_pai_workspace_datasetversion: create, read, update, delete, read until not
//                             found; <argument> is the DatasetId.
//   python-sdk                the PAI Python SDK: list_common_datasets (ListDatasets with Provider=pai and no
//                             WorkspaceId), then the lineage lookup (GetDataset) of the first public dataset; the
//                             legacy ROA signature with x-acs-action, as its vendored tea-openapi (v2) signs.
const ROAClient = require('@alicloud/pop-core').ROAClient;

const [flow, endpoint, accessKeyId, accessKeySecret, argument] = process.argv.slice(2);

function caller(withAction) {
  const client = new ROAClient({
    endpoint: 'http://' + endpoint, apiVersion: '2021-02-04', accessKeyId, accessKeySecret,
  });
  return async (action, method, pathname, query, body) => {
    const headers = body ? { 'content-type': 'application/json; charset=utf-8' } : {};
    if (withAction) {
      headers['x-acs-action'] = action;
    }
    try {
      const result = await client.request(method, pathname, query || {}, body ? JSON.stringify(body) : '', headers);
      return { status: 200, body: result };
    } catch (e) {
      return { error: { code: e.code, status: e.statusCode, message: e.message } };
    }
  };
}

async function terraformDataset(call, workspaceId) {
  const steps = {};
  const name = 'tf_testacc_dataset';
  const options = '{"mountPath":"/mnt/data/"}';
  steps.create = await call('CreateDataset', 'POST', '/api/v1/datasets', null, {
    Property: 'DIRECTORY', DataSourceType: 'NAS', Uri: 'nas://086b649545.cn-hangzhou/', WorkspaceId: workspaceId,
    Name: name, DataType: 'PIC', SourceType: 'ITAG', SourceId: 'd-xxxxx_v1', Description: '数据集的描述',
    Options: options, Accessibility: 'PRIVATE', UserId: '1511928242963727',
    Labels: [{ Key: 'key1', Value: 'value1' }, { Key: 'key2', Value: 'value2' }, { Key: 'key3', Value: 'value3' }],
  });
  const id = steps.create.body && steps.create.body.DatasetId;
  const path = '/api/v1/datasets/' + id;
  steps.read = await call('GetDataset', 'GET', path);
  // update: accessibility PRIVATE -> PUBLIC reads first, then publishes
  steps.readBeforePublish = await call('GetDataset', 'GET', path);
  steps.publish = await call('PublishDataset', 'PUT', path + '/publish', null, { DatasetId: id });
  steps.update = await call('UpdateDataset', 'PUT', path, null, {
    DatasetId: id, Name: name + '_update', Description: '新的描述 update', Options: '{"mountPath":"/mnt/data/update/"}',
  });
  steps.deleteLabels = await call('DeleteDatasetLabels', 'DELETE', path + '/labels',
    { LabelKeys: 'key1,key2,key3' }, { DatasetId: id });
  steps.createLabels = await call('CreateDatasetLabels', 'POST', path + '/labels', null,
    { DatasetId: id, Labels: [{ Key: 'key_new', Value: 'value_new' }] });
  steps.readAfterUpdate = await call('GetDataset', 'GET', path);
  steps.deleteLastLabel = await call('DeleteDatasetLabels', 'DELETE', path + '/labels',
    { LabelKeys: 'key_new' }, { DatasetId: id });
  steps.createNoLabels = await call('CreateDatasetLabels', 'POST', path + '/labels', null, { DatasetId: id, Labels: [] });
  steps.readWithoutLabels = await call('GetDataset', 'GET', path);
  steps.delete = await call('DeleteDataset', 'DELETE', path);
  steps.readAfterDelete = await call('GetDataset', 'GET', path);
  return steps;
}

async function terraformDatasetVersion(call, datasetId) {
  const steps = {};
  const versions = '/api/v1/datasets/' + datasetId + '/versions';
  steps.create = await call('CreateDatasetVersion', 'POST', versions, null, {
    DataSourceType: 'OSS', Uri: 'oss://ai4d-q9lgxlpwxzqluij66y.oss-cn-hangzhou.aliyuncs.com/catdog.json',
    Property: 'FILE', SourceType: 'USER', SourceId: 'd-a0xbe5n03bhqof46ce', Options: '{"mountPath":"/mnt/data/"}',
    DataSize: 2068, DataCount: 1000, Description: 'version description',
    Labels: [{ Key: 'k1', Value: 'v1' }, { Key: 'k0', Value: 'v0' }],
  });
  const name = steps.create.body && steps.create.body.VersionName;
  const path = versions + '/' + name;
  steps.read = await call('GetDatasetVersion', 'GET', path);
  steps.update = await call('UpdateDatasetVersion', 'PUT', path, null,
    { Options: '{"mountPath":"/mnt/data/v2/"}', DataSize: 5096, DataCount: 1001, Description: 'updated description' });
  steps.readAfterUpdate = await call('GetDatasetVersion', 'GET', path);
  steps.delete = await call('DeleteDatasetVersion', 'DELETE', path);
  steps.readAfterDelete = await call('GetDatasetVersion', 'GET', path);
  return steps;
}

async function pythonSdk(call) {
  const steps = {};
  steps.listCommon = await call('ListDatasets', 'GET', '/api/v1/datasets',
    { Name: '', Provider: 'pai', Order: 'DESC', PageNumber: '1', PageSize: '50' });
  const first = steps.listCommon.body && steps.listCommon.body.Datasets[0];
  steps.lineage = await call('GetDataset', 'GET', '/api/v1/datasets/' + (first && first.DatasetId));
  steps.listCommonByName = await call('ListDatasets', 'GET', '/api/v1/datasets',
    { Name: 'mni', Provider: 'pai', Order: 'DESC', PageNumber: '1', PageSize: '50' });
  return steps;
}

async function main() {
  let steps;
  if (flow === 'terraform-dataset') {
    steps = await terraformDataset(caller(false), argument);
  } else if (flow === 'terraform-datasetversion') {
    steps = await terraformDatasetVersion(caller(false), argument);
  } else if (flow === 'python-sdk') {
    steps = await pythonSdk(caller(true));
  } else {
    throw new Error('unknown flow ' + flow);
  }
  process.stdout.write(JSON.stringify(steps) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
