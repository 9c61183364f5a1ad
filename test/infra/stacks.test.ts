/**
 * What the deployed service must look like: data protection, least privilege, tenant isolation in IAM,
 * private web hosting, the daily schedule and the alarms. One synth (no bundling) shared by the file.
 */
import { AlertJobConfig, ApiConfig, BounceConfig, LogConfig, NotifierConfig } from '@peopleplan/config';
import { TABLE } from '@peopleplan/db/table';
import { beforeAll, describe, expect, it } from 'vitest';
import { Match, type Synthesized, synthPeoplePlan, type Template } from '../../infra/lib/testing.js';

type Json = Record<string, unknown>;
type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Json;
  Sid?: string;
};

let s: Synthesized;
beforeAll(() => {
  s = synthPeoplePlan({
    context: { senderEmail: 'alerts@council.example', alarmEmail: 'ops@council.example' },
  });
}, 120_000);

const all = () => Object.values(s.templates);
const resources = (t: Template, type: string) =>
  t.findResources(type) as Record<string, { Properties: Json }>;
const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const statementsOf = (t: Template, policyLogicalIdPrefix = ''): Statement[] =>
  Object.entries(resources(t, 'AWS::IAM::Policy'))
    .filter(([id]) => id.startsWith(policyLogicalIdPrefix))
    .flatMap(([, r]) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
const dynamoActions = (st: Statement) => arr(st.Action).filter((a) => a.startsWith('dynamodb:'));
const json = (v: unknown) => JSON.stringify(v);

/**
 * The policy statements attached to the role a function runs as: its own stack's policies, and, for an
 * execution role made in the access stack (imported by ARN), that stack's policies of the role too.
 */
function functionStatements(t: Template, functionLogicalIdPrefix: string): Statement[] {
  const [fn] = Object.entries(resources(t, 'AWS::Lambda::Function')).filter(([id]) =>
    id.startsWith(functionLogicalIdPrefix),
  );
  expect(fn, `function ${functionLogicalIdPrefix}`).toBeDefined();
  const role = fn![1].Properties.Role as Json;
  const statements = (template: Template, attachedTo: string) =>
    Object.values(resources(template, 'AWS::IAM::Policy'))
      .filter((p) => json(p.Properties.Roles).includes(attachedTo))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  const local = (role['Fn::GetAtt'] as string[] | undefined)?.[0];
  if (local) return statements(t, `"${local}"`);
  const exported = String(role['Fn::ImportValue']);
  const accessId = /ExportsOutputFnGetAtt(\w+?[0-9A-F]{8})Arn[0-9A-F]{8}$/.exec(exported)?.[1];
  expect(accessId, `${functionLogicalIdPrefix}: role from the access stack`).toBeDefined();
  return [...statements(s.templates.access, `"${accessId}"`), ...statements(t, exported)];
}

describe('data stack', () => {
  it('keeps the table safe: PITR, deletion protection, retained, encrypted', () => {
    const t = s.templates.data;
    t.resourceCountIs('AWS::DynamoDB::Table', 1);
    t.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }),
    });
  });

  it('has the same keys and indexes as packages/db table.ts', () => {
    const [table] = Object.values(resources(s.templates.data, 'AWS::DynamoDB::Table'));
    const p = table!.Properties as {
      KeySchema: Json[];
      GlobalSecondaryIndexes: { IndexName: string; KeySchema: Json[]; Projection: Json }[];
    };
    expect(p.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    const byName = Object.fromEntries(p.GlobalSecondaryIndexes.map((g) => [g.IndexName, g]));
    for (const ix of Object.values(TABLE.indexes)) {
      expect(byName[ix.name]?.KeySchema).toEqual([
        { AttributeName: ix.partitionKey, KeyType: 'HASH' },
        { AttributeName: ix.sortKey, KeyType: 'RANGE' },
      ]);
    }
    expect(Object.keys(byName).sort()).toEqual(['council', 'due']);
  });
});

describe('every function', () => {
  const functions = () =>
    all().flatMap((t) =>
      Object.entries(resources(t, 'AWS::Lambda::Function')).map(([id, r]) => ({ t, id, p: r.Properties })),
    );

  it('logs to its own log group with a retention period (one year by default)', () => {
    expect(functions().length).toBeGreaterThanOrEqual(5); // api, documents, alerts, notifier, web deployment
    for (const { t, id, p } of functions()) {
      const ref = (p.LoggingConfig as { LogGroup?: { Ref?: string } } | undefined)?.LogGroup?.Ref;
      expect(ref, `${id} log group`).toBeDefined();
      const group = resources(t, 'AWS::Logs::LogGroup')[ref!];
      expect(group?.Properties.RetentionInDays, `${id} retention`).toBe(365);
    }
  });

  it('runs the five service functions on Node.js 22, arm64, with X-Ray active tracing', () => {
    const service = functions().filter(({ p }) => json(p.Environment).includes('POWERTOOLS_SERVICE_NAME'));
    expect(
      service.map(({ p }) => (p.Environment as { Variables: Json }).Variables.POWERTOOLS_SERVICE_NAME).sort(),
    ).toEqual([
      'peopleplan-alerts',
      'peopleplan-api',
      'peopleplan-bounces',
      'peopleplan-documents',
      'peopleplan-notifier',
    ]);
    for (const { p } of service) {
      expect(p.Runtime).toBe('nodejs22.x');
      expect(p.Architectures).toEqual(['arm64']);
      expect(p.Handler).toBe('index.handler');
      expect(p.TracingConfig).toEqual({ Mode: 'Active' });
    }
  });

  it('gives service functions Resource "*" only for the X-Ray actions tracing needs (acknowledged IAM5)', () => {
    const fns = [
      [s.templates.api, 'ApiFunction'],
      [s.templates.api, 'DocumentsFunction'],
      [s.templates.jobs, 'AlertJobFunction'],
      [s.templates.jobs, 'NotifierFunction'],
      [s.templates.jobs, 'BouncesFunction'],
    ] as const;
    for (const [t, prefix] of fns) {
      const star = functionStatements(t, prefix).filter((st) => arr(st.Resource).includes('*'));
      expect(star, prefix).toHaveLength(1);
      expect(arr(star[0]!.Action).sort(), prefix).toEqual([
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ]);
    }
  });

  it('is granted no wildcard DynamoDB action and no data action on Resource "*"', () => {
    const statements = all().flatMap((t) => statementsOf(t));
    expect(statements.length).toBeGreaterThan(5);
    for (const st of statements) {
      for (const a of arr(st.Action))
        expect(a, json(st)).not.toMatch(/^(\*|dynamodb:\*|s3:\*|sqs:\*|ses:\*)$/);
      const data = arr(st.Action).some(
        (a) => /^(dynamodb|sqs|ses|sns|s3):/.test(a) && !a.startsWith('s3:List'),
      );
      if (data) expect(arr(st.Resource), json(st)).not.toContain('*');
    }
    // And no managed policy sneaks in AWSLambdaBasicExecutionRole's logs:* on our own functions.
    for (const [id, role] of Object.entries(resources(s.templates.api, 'AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    }
  });
});

describe('tenant isolation in IAM', () => {
  const roleStatements = (prefix: string) => statementsOf(s.templates.access, `TenantAccess${prefix}`);
  const service = (...partitions: string[]) => ({
    'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': partitions },
    Null: { 'dynamodb:LeadingKeys': 'false' },
  });

  it('confines the tenant data role to the session council partition', () => {
    const statements = roleStatements('TenantDataRole');
    expect(statements).toHaveLength(1);
    const st = statements[0]!;
    expect(st.Condition).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal IAM policy variable
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['C#${aws:PrincipalTag/council}'] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    });
    expect(arr(st.Action)).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem']),
    );
    expect(arr(st.Action)).not.toContain('dynamodb:Scan');
    const res = json(st.Resource);
    expect(res).toContain('/index/council');
    expect(res).not.toContain('/index/due');
  });

  it('gives the partner-reader role the same condition, read-only', () => {
    const [st, ...rest] = roleStatements('PartnerReaderRole');
    expect(rest).toHaveLength(0);
    expect(st!.Condition).toEqual(roleStatements('TenantDataRole')[0]!.Condition);
    expect(arr(st!.Action).sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
  });

  it('lets exactly the functions that act for councils assume the tenant roles, only with a council session tag', () => {
    const roles = resources(s.templates.access, 'AWS::IAM::Role');
    const trusted = (prefix: string) => {
      const [id, role] = Object.entries(roles).find(([rid]) => rid.startsWith(prefix))!;
      const [trust, ...more] = (role.Properties.AssumeRolePolicyDocument as { Statement: Statement[] })
        .Statement;
      expect(more, id).toHaveLength(0);
      expect(arr(trust!.Action).sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
      expect(trust!.Condition).toMatchObject({
        StringLike: { 'aws:RequestTag/council': '?*' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['council'] },
      });
      expect(role.Properties.MaxSessionDuration).toBe(3600);
      const principals = arr((trust as unknown as { Principal: { AWS: unknown } }).Principal.AWS);
      return principals.map((p) => json(p).match(/"(\w+Role)[0-9A-F]{8}"/)?.[1]).sort();
    };
    expect(trusted('TenantAccessTenantDataRole')).toEqual([
      'AlertJobRole',
      'ApiRole',
      'BouncesRole',
      'DocumentsRole',
    ]);
    expect(trusted('TenantAccessPartnerReaderRole')).toEqual(['AlertJobRole', 'ApiRole', 'DocumentsRole']);
  });

  it.each([
    ['API', 'api', 'ApiFunction', 2],
    ['documents', 'api', 'DocumentsFunction', 2],
    ['alert job', 'jobs', 'AlertJobFunction', 2],
    ['bounce handler', 'jobs', 'BouncesFunction', 1],
  ] as const)('lets the %s function assume only the tenant roles it needs', (_, stack, prefix, n) => {
    const assume = functionStatements(s.templates[stack], prefix).filter((st) =>
      arr(st.Action).includes('sts:AssumeRole'),
    );
    expect(assume).toHaveLength(1);
    expect(arr(assume[0]!.Resource)).toHaveLength(n);
    expect(json(assume[0]!.Resource)).toContain('TenantAccessTenantDataRole');
  });

  it('gives the API function the service partitions only (P#, D#, S#): no council partition, no index', () => {
    const dynamo = functionStatements(s.templates.api, 'ApiFunction').filter(
      (st) => dynamoActions(st).length > 0,
    );
    expect(dynamo).toHaveLength(1);
    expect(dynamo[0]!.Condition).toEqual(service('P#*', 'D#*', 'S#*'));
    expect(json(dynamo[0]!.Resource)).not.toContain('/index/');
  });

  it('gives the documents function the secret-link lookups only', () => {
    const dynamo = functionStatements(s.templates.api, 'DocumentsFunction').filter(
      (st) => dynamoActions(st).length > 0,
    );
    expect(dynamo).toHaveLength(1);
    expect(dynamo[0]!.Condition).toEqual(service('S#*'));
    expect(arr(dynamo[0]!.Action).sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
    ]);
  });

  it('gives the alert job the due index, partnerships to read and alert-link lookups to write, nothing of a council', () => {
    const dynamo = functionStatements(s.templates.jobs, 'AlertJobFunction').filter(
      (st) => dynamoActions(st).length > 0,
    );
    const bySid = Object.fromEntries(dynamo.map((st) => [st.Sid, st]));
    expect(Object.keys(bySid).sort()).toEqual([
      'QueryDueIndexAllCouncils',
      'ReadPartnershipDirectory',
      'WriteAlertLinkLookups',
    ]);
    expect(json(bySid.QueryDueIndexAllCouncils!.Resource)).toContain('/index/due');
    expect(bySid.QueryDueIndexAllCouncils!.Condition).toEqual(service('DUE#*'));
    expect(arr(bySid.ReadPartnershipDirectory!.Action).sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
    expect(bySid.ReadPartnershipDirectory!.Condition).toEqual(service('P#*'));
    expect(arr(bySid.WriteAlertLinkLookups!.Action)).toEqual(['dynamodb:PutItem']);
    expect(bySid.WriteAlertLinkLookups!.Condition).toEqual(service('S#*'));
    expect(json(dynamo)).not.toContain('C#');
  });

  it('gives the bounce handler and the notifier no DynamoDB access of their own', () => {
    for (const prefix of ['BouncesFunction', 'NotifierFunction']) {
      expect(
        functionStatements(s.templates.jobs, prefix).filter((st) => dynamoActions(st).length > 0),
      ).toEqual([]);
    }
  });

  it('lets only the alert job query the due index', () => {
    const users = all().flatMap((t) =>
      Object.entries(resources(t, 'AWS::IAM::Policy'))
        .filter(([, p]) => json(p.Properties.PolicyDocument).includes('/index/due'))
        .map(([id]) => id),
    );
    expect(users).toHaveLength(1);
    expect(users[0]).toMatch(/^AlertJobRole/);
  });

  it('gives the API function exactly the Cognito admin calls it makes, on this pool', () => {
    const cognito = functionStatements(s.templates.api, 'ApiFunction').filter((st) =>
      arr(st.Action).some((a) => a.startsWith('cognito-idp:')),
    );
    expect(cognito).toHaveLength(1);
    expect(arr(cognito[0]!.Action).sort()).toEqual(
      [
        'cognito-idp:AdminAddUserToGroup',
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminDeleteUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminListGroupsForUser',
        'cognito-idp:AdminRemoveUserFromGroup',
        'cognito-idp:AdminUserGlobalSignOut',
        'cognito-idp:CreateGroup',
      ].sort(),
    );
    expect(json(cognito[0]!.Resource)).toMatch(/Auth:ExportsOutputFnGetAttUserPool\w+Arn/);
    for (const [stack, prefix] of [
      ['api', 'DocumentsFunction'],
      ['jobs', 'AlertJobFunction'],
      ['jobs', 'NotifierFunction'],
    ] as const) {
      expect(json(functionStatements(s.templates[stack], prefix))).not.toContain('cognito-idp');
    }
    const bounces = functionStatements(s.templates.jobs, 'BouncesFunction').filter((st) =>
      arr(st.Action).some((a) => a.startsWith('cognito-idp:')),
    );
    expect(arr(bounces[0]!.Action).sort()).toEqual([
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminListGroupsForUser',
    ]);
  });

  const envOf = (t: Template, prefix: string) => {
    const [fn] = Object.entries(resources(t, 'AWS::Lambda::Function')).filter(([id]) =>
      id.startsWith(prefix),
    );
    return (fn![1].Properties.Environment as { Variables: Json }).Variables;
  };

  it.each(['ApiFunction', 'DocumentsFunction'])(
    'tells %s which roles to assume and how to verify tokens',
    (prefix) => {
      const vars = envOf(s.templates.api, prefix);
      for (const k of [
        'TABLE_NAME',
        'AUTH_ISSUER',
        'AUTH_AUDIENCE',
        'AUTH_JWKS_URI',
        'TENANT_ROLE_ARN',
        'PARTNER_ROLE_ARN',
        'STAGE',
        'WEB_BASE_URL',
        'POWERTOOLS_SERVICE_NAME',
        'POWERTOOLS_LOG_LEVEL',
      ]) {
        expect(vars[k], k).toBeDefined();
      }
      expect(json(vars.TENANT_ROLE_ARN)).toContain('TenantAccessTenantDataRole');
      expect(json(vars.PARTNER_ROLE_ARN)).toContain('TenantAccessPartnerReaderRole');
      expect(json(vars.AUTH_JWKS_URI)).toContain('/.well-known/jwks.json');
    },
  );

  it.each([
    ['api', 'ApiFunction', ApiConfig],
    ['api', 'DocumentsFunction', ApiConfig],
    ['jobs', 'AlertJobFunction', AlertJobConfig],
    ['jobs', 'NotifierFunction', NotifierConfig],
    ['jobs', 'BouncesFunction', BounceConfig],
  ] as const)('gives %s/%s only variables its configuration reads', (stack, prefix, schema) => {
    // Read by Powertools and the Node.js runtime themselves, not by our configuration.
    const runtime = /^(POWERTOOLS_|AWS_|NODE_OPTIONS$)/;
    const read = new Set([...Object.keys(schema.shape), ...Object.keys(LogConfig.shape)]);
    const unread = Object.keys(envOf(s.templates[stack], prefix)).filter(
      (k) => !runtime.test(k) && !read.has(k),
    );
    expect(unread).toEqual([]);
  });

  it('gives USER_POOL_ID to the API function (not documents) and EXPORTS_BUCKET to documents', () => {
    expect(json(envOf(s.templates.api, 'ApiFunction').USER_POOL_ID)).toContain('UserPool');
    expect(envOf(s.templates.api, 'DocumentsFunction').USER_POOL_ID).toBeUndefined();
    expect(json(envOf(s.templates.api, 'DocumentsFunction').EXPORTS_BUCKET)).toContain('ExportsBucket');
    expect(envOf(s.templates.api, 'ApiFunction').EXPORTS_BUCKET).toBeUndefined();
  });

  it('tells the alert job and the bounce handler which tenant roles to assume', () => {
    const alerts = envOf(s.templates.jobs, 'AlertJobFunction');
    expect(json(alerts.TENANT_ROLE_ARN)).toContain('TenantAccessTenantDataRole');
    expect(json(alerts.PARTNER_ROLE_ARN)).toContain('TenantAccessPartnerReaderRole');
    const bounces = envOf(s.templates.jobs, 'BouncesFunction');
    expect(json(bounces.TENANT_ROLE_ARN)).toContain('TenantAccessTenantDataRole');
    expect(bounces.PARTNER_ROLE_ARN).toBeUndefined();
    expect(json(bounces.USER_POOL_ID)).toContain('UserPool');
    expect(bounces.TABLE_NAME).toBeDefined();
  });

  it('publishes the tenant role ARNs from the access stack (the smoke test reads them)', () => {
    const outputs = Object.keys(s.templates.access.findOutputs('*'));
    expect(outputs).toEqual(expect.arrayContaining(['TenantRoleArn', 'PartnerRoleArn']));
  });
});

describe('exports bucket', () => {
  const buckets = () => resources(s.templates.api, 'AWS::S3::Bucket');
  const exportsBucket = () => Object.entries(buckets()).find(([id]) => id.startsWith('ExportsBucket'))!;

  it('is private, encrypted, TLS only, unversioned, with objects expiring after a day and access logs', () => {
    const [id, b] = exportsBucket();
    expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(json(b.Properties.BucketEncryption)).toContain('AES256');
    expect(b.Properties.VersioningConfiguration).toBeUndefined();
    expect(json(b.Properties.LifecycleConfiguration)).toContain('"ExpirationInDays":1');
    expect(json(b.Properties.LoggingConfiguration)).toContain('ExportsAccessLogs');
    const policy = Object.values(resources(s.templates.api, 'AWS::S3::BucketPolicy')).find(
      (p) => json(p.Properties.Bucket) === json({ Ref: id }),
    );
    expect(json(policy?.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  it('lets the documents function put and get exports/* only', () => {
    const st = functionStatements(s.templates.api, 'DocumentsFunction').filter((x) =>
      arr(x.Action).some((a) => a.startsWith('s3:')),
    );
    expect(st).toHaveLength(1);
    expect(arr(st[0]!.Action).sort()).toEqual(['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject']);
    expect(json(st[0]!.Resource)).toContain('/exports/*');
    expect(json(functionStatements(s.templates.api, 'ApiFunction'))).not.toContain('s3:');
  });
});

describe('api stack: API and documents functions', () => {
  const fnOf = (prefix: string) => {
    const [fn] = Object.entries(resources(s.templates.api, 'AWS::Lambda::Function')).filter(([id]) =>
      id.startsWith(prefix),
    );
    expect(fn, prefix).toBeDefined();
    return { id: fn![0], p: fn![1].Properties };
  };
  /** Route key → logical id of the function its integration invokes. */
  const routeTargets = () => {
    const integrations = resources(s.templates.api, 'AWS::ApiGatewayV2::Integration');
    return Object.fromEntries(
      Object.values(resources(s.templates.api, 'AWS::ApiGatewayV2::Route')).map((r) => {
        const integrationId = json(r.Properties.Target).match(/"(\w+Integration[0-9A-F]{8})"/)?.[1];
        const uri = json(integrations[integrationId!]?.Properties.IntegrationUri);
        return [r.Properties.RouteKey as string, uri.match(/"(\w+Function[0-9A-F]{8})"/)?.[1] ?? uri];
      }),
    );
  };

  it('gives the documents function more memory, both a timeout inside the 30 s HTTP API limit', () => {
    const api = fnOf('ApiFunction').p;
    const docs = fnOf('DocumentsFunction').p;
    expect(docs.MemorySize as number).toBeGreaterThan(api.MemorySize as number);
    for (const p of [api, docs]) expect(p.Timeout as number).toBeLessThanOrEqual(29);
    expect(docs.Handler).toBe('index.handler');
  });

  it('sends imports, reports and calendar feeds to the documents function, the rest of /api to the API', () => {
    const targets = routeTargets();
    const docs = fnOf('DocumentsFunction').id;
    const api = fnOf('ApiFunction').id;
    for (const key of [
      'ANY /api/v1/councils/{c}/imports',
      'ANY /api/v1/councils/{c}/imports/{proxy+}',
      'GET /api/v1/councils/{c}/plans/{planId}/reports',
      'GET /calendar/{councilId}/{file}',
    ]) {
      expect(targets[key], key).toBe(docs);
    }
    for (const key of ['ANY /api/{proxy+}', 'GET /health', 'GET /api/v1/openapi.json']) {
      expect(targets[key], key).toBe(api);
    }
    const documentKeys = Object.entries(targets).filter(([, fn]) => fn === docs);
    expect(documentKeys.length).toBeGreaterThanOrEqual(9);
  });
});

describe('web stack', () => {
  it('keeps the site bucket private and TLS-only', () => {
    const t = s.templates.web;
    const buckets = resources(t, 'AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(2); // site + access logs
    for (const [id, b] of Object.entries(buckets)) {
      expect(b.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    const policies = Object.values(resources(t, 'AWS::S3::BucketPolicy'));
    expect(policies.length).toBe(2);
    for (const p of policies) {
      expect(json(p.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('serves the bucket through Origin Access Control and /api/* from the HTTP API, uncached', () => {
    const t = s.templates.web;
    t.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    t.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    const [dist] = Object.values(resources(t, 'AWS::CloudFront::Distribution'));
    const cfg = dist!.Properties.DistributionConfig as {
      Origins: Json[];
      CacheBehaviors: Json[];
      CustomErrorResponses?: unknown;
      DefaultCacheBehavior: Json;
    };
    const s3Origin = cfg.Origins.find((o) => o.S3OriginConfig);
    expect(s3Origin).toBeDefined();
    expect(s3Origin!.OriginAccessControlId).toBeDefined();
    expect((s3Origin!.S3OriginConfig as Json).OriginAccessIdentity).toBe('');
    const api = cfg.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
    });
    const apiOrigin = cfg.Origins.find((o) => o.Id === api!.TargetOriginId);
    expect(apiOrigin?.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    expect(json(apiOrigin?.DomainName)).toContain('Gateway');
    // Calendar feeds reach the API too, read-only and uncached (a revoked feed stops at once).
    const calendar = cfg.CacheBehaviors.find((b) => b.PathPattern === '/calendar/*');
    expect(calendar).toMatchObject({
      TargetOriginId: api!.TargetOriginId,
      AllowedMethods: ['GET', 'HEAD'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
    });
    // Distribution-wide error pages would rewrite the API's 404s into index.html.
    expect(cfg.CustomErrorResponses).toBeUndefined();
    expect(cfg.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('sends security headers on every behaviour', () => {
    const t = s.templates.web;
    t.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({ Override: true }),
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
          }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        }),
      }),
    });
    const [policy] = Object.values(resources(t, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = json(policy!.Properties.ResponseHeadersPolicyConfig);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const [dist] = Object.values(resources(t, 'AWS::CloudFront::Distribution'));
    const cfg = dist!.Properties.DistributionConfig as { CacheBehaviors: Json[]; DefaultCacheBehavior: Json };
    for (const b of [cfg.DefaultCacheBehavior, ...cfg.CacheBehaviors])
      expect(b.ResponseHeadersPolicyId).toBeDefined();
  });

  it('publishes config.json even without a web build, and uses a PKCE code-grant client', () => {
    const t = s.templates.web;
    t.resourceCountIs('Custom::CDKBucketDeployment', 1);
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: Match.arrayWith([
        Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['/auth/callback'])]) }),
      ]),
    });
  });
});

describe('auth stack', () => {
  it('is admin-invite only, TOTP MFA required for everyone, threat protection enforced', () => {
    s.templates.auth.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
    });
  });
});

describe('jobs stack', () => {
  it('runs the alert job every day at 07:00 Europe/London', () => {
    const t = s.templates.jobs;
    const schedules = Object.values(resources(t, 'AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(2);
    const daily = schedules.find((x) => x.Properties.ScheduleExpression === 'cron(0 7 * * ? *)');
    expect(daily!.Properties.ScheduleExpressionTimezone).toBe('Europe/London');
    expect(json(daily!.Properties.Target)).toContain('AlertJobFunction');
    expect(json(daily!.Properties.Target)).toContain('DeadLetterConfig');
  });

  it('sends re-baseline alerts from the outbox every 5 minutes', () => {
    const schedules = Object.values(resources(s.templates.jobs, 'AWS::Scheduler::Schedule'));
    const outbox = schedules.find((x) => x.Properties.ScheduleExpression === 'rate(5 minutes)');
    expect(json(outbox!.Properties.Target)).toContain('outbox');
  });

  it('feeds the notifier from an encrypted queue with a dead-letter queue after 5 receives', () => {
    const t = s.templates.jobs;
    const queues = resources(t, 'AWS::SQS::Queue');
    for (const [id, q] of Object.entries(queues)) expect(q.Properties.SqsManagedSseEnabled, id).toBe(true);
    const main = Object.entries(queues).find(([, q]) => q.Properties.RedrivePolicy);
    expect(main![1].Properties.RedrivePolicy).toMatchObject({ maxReceiveCount: 5 });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      EventSourceArn: { 'Fn::GetAtt': [main![0], 'Arn'] },
    });
  });

  it('alarms on the first dead letter, to the alarm topic', () => {
    const t = s.templates.jobs;
    const queues = resources(t, 'AWS::SQS::Queue');
    const main = Object.values(queues).find((q) => q.Properties.RedrivePolicy);
    const dlqId = (
      (main!.Properties.RedrivePolicy as Json).deadLetterTargetArn as { 'Fn::GetAtt': string[] }
    )['Fn::GetAtt'][0];
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('Monitoring') })],
    });
  });

  it('lets the notifier send only from the configured sender, through the domain identity', () => {
    const st = functionStatements(s.templates.jobs, 'NotifierFunction').find((x) =>
      arr(x.Action).includes('ses:SendEmail'),
    );
    expect(st?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'alerts@council.example' } });
    expect(json(st?.Resource)).toContain('SenderDomain');
    s.templates.jobs.resourceCountIs('AWS::SES::EmailIdentity', 1);
    s.templates.jobs.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'council.example' });
  });
});

describe('alarms', () => {
  it('watches API 5xx rate and every service function for errors and throttles', () => {
    const alarms = all().flatMap((t) => Object.values(resources(t, 'AWS::CloudWatch::Alarm')));
    const rate = alarms.find((a) => json(a.Properties.Metrics).includes('"MetricName":"5xx"'));
    expect(rate).toBeDefined();
    expect(json(rate!.Properties.Metrics)).toContain('100 * errors / requests');
    for (const metric of ['Errors', 'Throttles']) {
      const fns = alarms.filter(
        (a) => a.Properties.MetricName === metric && a.Properties.Namespace === 'AWS/Lambda',
      );
      expect(fns.map((a) => json(a.Properties.Dimensions)).join()).toMatch(
        /ApiFunction.*|DocumentsFunction|AlertJobFunction|NotifierFunction|BouncesFunction/,
      );
      expect(fns, metric).toHaveLength(5);
    }
    // Invocations cannot show a missing daily run (the outbox schedule invokes the job every 5 minutes).
    expect(alarms.find((a) => a.Properties.MetricName === 'Invocations')).toBeUndefined();
    for (const a of alarms) expect(json(a.Properties.AlarmActions)).toContain('AlarmTopic');
  });

  it('emails the alarm topic and encrypts it with a key CloudWatch may use', () => {
    const t = s.templates.monitoring;
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@council.example' });
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    t.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      }),
    });
  });
});
