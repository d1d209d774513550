'use strict';
// Replays, call by call, what Terraform's alicloud_pai_workspace_experiment and alicloud_pai_workspace_run send
// (@alicloud/pop-core's ROAClient: the legacy ROA signature tea-roa signs with, no x-acs-action), and what the PAI
// Python SDK sends for its image lookups and experiments (the same signature plus the x-acs-action header, as its
// vendored client's do_roarequest signs). Prints what each step answered as one JSON object; ExperimentImageClientsIT
// asserts on it.
//
//   node experiment-image-flows.js <terraform|python> <endpoint host:port> <AccessKeyId> <AccessKeySecret> <WorkspaceId>
const ROAClient = require('@alicloud/pop-core').ROAClient;

const [flow, endpoint, accessKeyId, accessKeySecret, workspaceId] = process.argv.slice(2);

const client = new ROAClient({
  endpoint: 'http://' + endpoint, apiVersion: '2021-02-04', accessKeyId, accessKeySecret,
});

// withAction: sign x-acs-action too, as the PAI Python SDK does
function caller(withAction) {
  return async (action, method, pathname, query, body) => {
    const headers = body ? { 'content-type': 'application/json' } : {};
    if (withAction) headers['x-acs-action'] = action;
    try {
      const result = await client.request(method, pathname, query || {}, body ? JSON.stringify(body) : '', headers);
      return { status: 200, body: result };
    } catch (e) {
      const status = /^code: (\d+)/.exec(e.message);
      return { error: { code: e.name.replace(/Error$/, ''), status: status ? Number(status[1]) : undefined, message: e.message } };
    }
  };
}

// Terraform: Create ends with Read, Update ends with Read, Delete, then CheckDestroy reads until not found.
async function terraform() {
  const call = caller(false);
  const steps = {};
  steps.createExperiment = await call('CreateExperiment', 'POST', '/api/v1/experiments', null, {
    ArtifactUri: 'oss://yyt-409262.oss-cn-hangzhou.aliyuncs.com/test/', WorkspaceId: workspaceId,
    Name: 'tf-testacc-experiment', Accessibility: 'PRIVATE',
  });
  const experimentId = steps.createExperiment.body && steps.createExperiment.body.ExperimentId;
  const experiment = '/api/v1/experiments/' + experimentId;
  steps.readExperiment = await call('GetExperiment', 'GET', experiment);
  steps.updateExperiment = await call('UpdateExperiment', 'PUT', experiment, null, {
    ExperimentId: experimentId, Name: 'tf-testacc-experiment_update', Accessibility: 'PUBLIC',
  });
  steps.readUpdatedExperiment = await call('GetExperiment', 'GET', experiment);

  steps.createRun = await call('CreateRun', 'POST', '/api/v1/runs', null, {
    ExperimentId: experimentId, Name: 'tf-testacc-run', SourceType: 'TrainingService', SourceId: '945',
  });
  const runId = steps.createRun.body && steps.createRun.body.RunId;
  const run = '/api/v1/runs/' + runId;
  steps.readRun = await call('GetRun', 'GET', run);
  steps.updateRun = await call('UpdateRun', 'PUT', run, null, { RunId: runId, Name: 'tf-testacc-run_update' });
  steps.readUpdatedRun = await call('GetRun', 'GET', run);
  steps.deleteRun = await call('DeleteRun', 'DELETE', run);
  steps.readDeletedRun = await call('GetRun', 'GET', run);

  steps.deleteExperiment = await call('DeleteExperiment', 'DELETE', experiment);
  steps.readDeletedExperiment = await call('GetExperiment', 'GET', experiment);
  steps.deleteExperimentAgain = await call('DeleteExperiment', 'DELETE', experiment);
  return steps;
}

// The PAI Python SDK: image lookups (pai/image.py retrieve and list_images, HuggingFaceEstimator) with
// workspace_id=0, so no WorkspaceId, and the experiment flows of pai/experiment.py.
async function python() {
  const call = caller(true);
  const steps = {};
  steps.retrieve = await call('ListImages', 'GET', '/api/v1/images', {
    Labels: 'system.official=true,system.supported.dlc=true,system.chipType=GPU', Name: 'pytorch',
    Verbose: 'True', SortBy: 'GmtCreateTime', Order: 'DESC', PageNumber: '1', PageSize: '50',
  });
  const hfFilter = 'system.official=true,system.supported.dlc=true,system.origin=Community,system.chipType=GPU,'
    + 'system.framework.PyTorch=*';
  steps.transformersVersions = await call('ListImageLabels', 'GET', '/api/v1/image/labels', {
    LabelKeys: 'system.framework.Transformers', LabelFilter: hfFilter + ',system.framework.Transformers=*',
  });
  const versions = ((steps.transformersVersions.body || {}).Labels || []).map((label) => label.Value);
  const latest = versions.slice().sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).pop();
  steps.huggingFaceImage = await call('ListImages', 'GET', '/api/v1/images', {
    Labels: hfFilter + ',system.framework.Transformers=' + latest, Verbose: 'True', Order: 'DESC',
    PageNumber: '1', PageSize: '50',
  });

  steps.createExperiment = await call('CreateExperiment', 'POST', '/api/v1/experiments', null, {
    Name: 'test_experiment_py3k9x2qld', ArtifactUri: 'oss://bucket/sdktest/test_experiment/', WorkspaceId: workspaceId,
  });
  const experimentId = steps.createExperiment.body && steps.createExperiment.body.ExperimentId;
  const experiment = '/api/v1/experiments/' + experimentId;
  steps.getExperiment = await call('GetExperiment', 'GET', experiment);
  steps.listByName = [];
  for (let page = 1; page < 10; page++) { // Experiment.list: pages until an empty one
    const listed = await call('ListExperiment', 'GET', '/api/v1/experiments', {
      Name: 'test_experiment_py3k9x2qld', PageSize: '50', PageNumber: String(page), Order: 'DESC',
      WorkspaceId: workspaceId,
    });
    steps.listByName.push(listed);
    if (!listed.body || listed.body.Experiments.length === 0) break;
  }
  steps.setLabels = await call('SetExperimentLabels', 'POST', experiment + '/labels', null, {
    Labels: [{ Key: 'team', Value: 'nlp' }],
  });
  steps.deleteLabel = await call('DeleteExperimentLabel', 'DELETE', experiment + '/labels/team');
  steps.update = await call('UpdateExperiment', 'PUT', experiment, null, { Name: 'test_experiment_renamed' });
  steps.getUpdated = await call('GetExperiment', 'GET', experiment);
  steps.delete = await call('DeleteExperiment', 'DELETE', experiment);
  steps.getDeleted = await call('GetExperiment', 'GET', experiment);
  return steps;
}

async function main() {
  const steps = flow === 'terraform' ? await terraform() : flow === 'python' ? await python() : null;
  if (!steps) throw new Error('unknown flow ' + flow);
  process.stdout.write(JSON.stringify(steps) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
