'use strict';
// Replays the workspace-settings calls real clients make (../shared/client-flows.md) against the fake, with
// @alicloud/pop-core's ROAClient (the legacy ROA signature Terraform's tea-roa sends, plus the x-acs-action header the
// PAI Python SDK's tea-openapi adds), and prints what each step answered as one JSON object; SettingsClientsIT asserts
// on it.
//
//   node settings-flows.js <flow> <endpoint host:port> <AccessKeyId> <AccessKeySecret> <WorkspaceId>
//
//   terraform-user-config  alicloud_pai_workspace_user_config: create, read, update, read, delete, read until empty
//   pai-config             the PAI Python SDK's `pai config`: ListWorkspaces, ListMembers, ListConfigs, UpdateConfigs
//   dsw-session            a PAI Python SDK session inside DSW: ListConfigs(modelExportPath), GetWorkspace(Verbose)
//   cli-products           the aliyun CLI workspace skill's first call: ListProducts for PAI_share
const ROAClient = require('@alicloud/pop-core').ROAClient;

const [flow, endpoint, accessKeyId, accessKeySecret, workspaceId] = process.argv.slice(2);

const client = new ROAClient({
  endpoint: 'http://' + endpoint, apiVersion: '2021-02-04', accessKeyId, accessKeySecret,
});

// withAction: sign as the PAI Python SDK does (legacy ROA with the x-acs-action header); otherwise as Terraform.
function caller(withAction) {
  return async (action, method, pathname, query, body) => {
    const headers = {};
    if (body) headers['content-type'] = 'application/json';
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

async function terraformUserConfig(call) {
  // resource_alicloud_pai_workspace_user_config.go: id CategoryName:ConfigKey, scope unset (the server's default)
  const steps = {};
  const read = () => call('ListUserConfigs', 'GET', '/api/v1/userconfigs',
    { CategoryNames: 'DataPrivacyConfig', ConfigKeys: 'customizePAIAssumedRole' });
  const set = (value) => call('SetUserConfigs', 'PUT', '/api/v1/userconfigs', null,
    { Configs: [{ CategoryName: 'DataPrivacyConfig', ConfigKey: 'customizePAIAssumedRole', ConfigValue: value }] });
  steps.create = await set('acs:ram::1557000000000001:role/first-role');
  steps.readAfterCreate = await read();
  steps.update = await set('acs:ram::1557000000000001:role/second-role');
  steps.readAfterUpdate = await read();
  const scope = steps.readAfterUpdate.body && steps.readAfterUpdate.body.Configs[0].Scope;
  steps.delete = await call('DeleteUserConfig', 'DELETE', '/api/v1/userconfigs/DataPrivacyConfig', { ConfigKey: 'customizePAIAssumedRole', Scope: scope });
  // CheckDestroy: read until Configs is empty (an empty Configs is Terraform's not-found)
  steps.readsUntilEmpty = 0;
  for (let i = 0; i < 5; i++) {
    steps.readAfterDelete = await read();
    steps.readsUntilEmpty++;
    if (steps.readAfterDelete.body && steps.readAfterDelete.body.Configs.length === 0) break;
  }
  steps.deleteAgain = await call('DeleteUserConfig', 'DELETE', '/api/v1/userconfigs/DataPrivacyConfig', { ConfigKey: 'customizePAIAssumedRole', Scope: scope });
  return steps;
}

async function paiConfig(call) {
  // pai/toolkit/config.py run: workspaces (pages of 50), members (pages of 10), the default storage, and, with no
  // default storage and an admin or owner, UpdateConfigs of modelExportPath
  const steps = {};
  steps.listWorkspaces = await call('ListWorkspaces', 'GET', '/api/v1/workspaces', { PageNumber: '1', PageSize: '50' });
  steps.listMembers = await call('ListMembers', 'GET', '/api/v1/workspaces/' + workspaceId + '/members', { PageNumber: '1', PageSize: '10' });
  steps.listConfigsBefore = await call('ListConfigs', 'GET', '/api/v1/workspaces/' + workspaceId + '/configs', { ConfigKeys: 'modelExportPath' });
  steps.updateConfigs = await call('UpdateConfigs', 'PUT', '/api/v1/workspaces/' + workspaceId + '/configs', null,
    { Configs: [{ ConfigKey: 'modelExportPath', ConfigValue: 'oss://pai-bucket.oss-cn-hangzhou-internal.aliyuncs.com/' }] });
  steps.listConfigsAfter = await call('ListConfigs', 'GET', '/api/v1/workspaces/' + workspaceId + '/configs', { ConfigKeys: 'modelExportPath' });
  return steps;
}

async function dswSession(call) {
  // pai/session.py _init_default_session_from_env, get_default_oss_storage and workspace_name
  const steps = {};
  steps.listConfigs = await call('ListConfigs', 'GET', '/api/v1/workspaces/' + workspaceId + '/configs', { ConfigKeys: 'modelExportPath' });
  steps.getWorkspace = await call('GetWorkspace', 'GET', '/api/v1/workspaces/' + workspaceId, { Verbose: 'true' });
  return steps;
}

async function cliProducts(call) {
  // alibabacloud-pai-workspace-manage: list-products --product-codes PAI_share --verbose true
  return { listProducts: await call('ListProducts', 'GET', '/api/v1/products', { ProductCodes: 'PAI_share', Verbose: 'true' }) };
}

async function main() {
  const flows = {
    'terraform-user-config': () => terraformUserConfig(caller(false)),
    'pai-config': () => paiConfig(caller(true)),
    'dsw-session': () => dswSession(caller(true)),
    'cli-products': () => cliProducts(caller(false)),
  };
  if (!flows[flow]) throw new Error('unknown flow ' + flow);
  process.stdout.write(JSON.stringify(await flows[flow]()) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
