'use strict';
// Drives the fake through a Terraform-style workspace lifecycle with one of Alibaba Cloud's own Node.js runtimes and
// prints what each step answered as one JSON object; NodeClientsIT asserts on it.
//
//   node flow.js <v3|roa|pop-core> <endpoint host:port> <AccessKeyId> <AccessKeySecret> <workspace name>
//
//   v3        @alicloud/openapi-client callApi, ACS3-HMAC-SHA256 (what the TypeScript SDK sends)
//   roa       @alicloud/openapi-client callApi with signatureAlgorithm "v2": the legacy ROA signature
//   pop-core  @alicloud/pop-core ROAClient: the legacy ROA signature, as Terraform's tea-roa sends it
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');
const ROAClient = require('@alicloud/pop-core').ROAClient;

const [kind, endpoint, accessKeyId, accessKeySecret, name] = process.argv.slice(2);

function openApiCaller(signatureAlgorithm, secret) {
  const client = new OpenApi.default(new OpenApi.Config({
    endpoint, protocol: 'http', regionId: 'cn-hangzhou', accessKeyId, accessKeySecret: secret, signatureAlgorithm,
  }));
  return async (action, method, pathname, query, body) => {
    const params = new OpenApi.Params({
      action, version: '2021-02-04', protocol: 'HTTPS', pathname, method, authType: 'AK', style: 'ROA',
      reqBodyType: 'json', bodyType: 'json',
    });
    const request = new OpenApi.OpenApiRequest({ query: query || undefined, body: body || undefined });
    try {
      const response = await client.callApi(params, request, new Util.RuntimeOptions({}));
      return { status: response.statusCode, body: response.body };
    } catch (e) {
      return { error: { code: e.code, status: e.statusCode || (e.data && e.data.statusCode), message: e.message } };
    }
  };
}

function popCoreCaller(secret) {
  const client = new ROAClient({
    endpoint: 'http://' + endpoint, apiVersion: '2021-02-04', accessKeyId, accessKeySecret: secret,
  });
  return async (action, method, pathname, query, body) => {
    const headers = body ? { 'content-type': 'application/json' } : {};
    try {
      const result = await client.request(method, pathname, query || {}, body ? JSON.stringify(body) : '', headers);
      return { status: 200, body: result };
    } catch (e) {
      const status = /^code: (\d+)/.exec(e.message);
      return { error: { code: e.name.replace(/Error$/, ''), status: status ? Number(status[1]) : undefined, message: e.message } };
    }
  };
}

function caller(secret) {
  if (kind === 'v3') return openApiCaller(undefined, secret);
  if (kind === 'roa') return openApiCaller('v2', secret);
  if (kind === 'pop-core') return popCoreCaller(secret);
  throw new Error('unknown client kind ' + kind);
}

async function main() {
  const call = caller(accessKeySecret);
  const steps = {};
  steps.create = await call('CreateWorkspace', 'POST', '/api/v1/workspaces', null,
    { WorkspaceName: name, Description: 'made by ' + kind, EnvTypes: ['prod'], DisplayName: 'Node ' + kind });
  const id = steps.create.body && steps.create.body.WorkspaceId;
  const path = '/api/v1/workspaces/' + id;
  steps.get = await call('GetWorkspace', 'GET', path, { Verbose: 'true' });
  steps.list = await call('ListWorkspaces', 'GET', '/api/v1/workspaces',
    { WorkspaceName: name, PageNumber: '1', PageSize: '10', SortBy: 'GmtModifiedTime', Order: 'DESC', Verbose: 'false' });
  steps.update = await call('UpdateWorkspace', 'PUT', path, null,
    { WorkspaceId: id, DisplayName: 'renamed by ' + kind, Description: 'updated by ' + kind });
  steps.changeResourceGroup = await call('ChangeResourceGroup', 'PUT', '/resourcegroups/action/changeresourcegroup', null,
    { ResourceId: id, NewResourceGroupId: 'rg-node-' + kind, ResourceType: 'workspace' });
  steps.getAfterUpdate = await call('GetWorkspace', 'GET', path);
  steps.createMember = await call('CreateMember', 'POST', path + '/members', null,
    { Members: [{ UserId: '210000000000000001', Roles: ['PAI.AlgoDeveloper'] }] });
  const memberId = steps.createMember.body && steps.createMember.body.Members[0].MemberId;
  steps.addRole = await call('AddMemberRole', 'POST', path + '/members/' + memberId + '/roles/PAI.WorkspaceAdmin');
  steps.removeRole = await call('RemoveMemberRole', 'DELETE', path + '/members/' + memberId + '/roles/PAI.AlgoDeveloper');
  steps.getMember = await call('GetMember', 'GET', path + '/member', { MemberId: memberId });
  steps.deleteMember = await call('DeleteMembers', 'DELETE', path + '/members', { MemberIds: memberId });
  steps.getDeletedMember = await call('GetMember', 'GET', path + '/member', { MemberId: memberId });
  steps.makeDefault = await call('UpdateDefaultWorkspace', 'PUT', '/api/v1/defaultWorkspaces', null, { WorkspaceId: id });
  steps.getDefault = await call('GetDefaultWorkspace', 'GET', '/api/v1/defaultWorkspaces', { Verbose: 'true' });
  steps.delete = await call('DeleteWorkspace', 'DELETE', path);
  steps.getAfterDelete = await call('GetWorkspace', 'GET', path);
  steps.wrongSecret = await caller(accessKeySecret + 'x')('GetWorkspace', 'GET', path);
  process.stdout.write(JSON.stringify(steps) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
