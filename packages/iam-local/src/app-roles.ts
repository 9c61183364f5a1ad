/**
 * Every IAM role of the synthesised app, with its trust policy and identity policies resolved to concrete
 * ARNs, and the app's DynamoDB tables with their key schemas. Pure data (JSON), so it can be cached.
 */
import { type CfnTemplate, type FakeEnvironment, type Json, TemplateResolver } from './cfn-resolve.js';

export interface PolicyDocument {
  Version?: string;
  Statement: Json[];
}

export interface NamedPolicy {
  /** Where the policy comes from: its construct path, or `<role>/<PolicyName>` for a role's inline policy. */
  name: string;
  document: PolicyDocument;
}

export interface RoleRecord {
  /** Stable name the app asks for (`tenant`, `api`, …): see ROLE_NAMES. */
  name: string;
  /** Construct path of the role (`PeoplePlan-local-Access/TenantAccess/TenantDataRole`). */
  constructPath: string;
  stack: string;
  logicalId: string;
  /** Physical role name in the fake environment. */
  roleName: string;
  arn: string;
  trustPolicy: PolicyDocument;
  identityPolicies: NamedPolicy[];
  /** AWS managed policies attached to the role: their contents are not in the templates, so not evaluated. */
  awsManagedPolicyArns: string[];
}

export interface TableRecord {
  stack: string;
  logicalId: string;
  name: string;
  arn: string;
  partitionKey: string;
  /** Index name → its partition key attribute. */
  indexes: Record<string, { partitionKey: string }>;
}

export interface AppPolicySet {
  account: string;
  region: string;
  partition: string;
  tables: TableRecord[];
  roles: Record<string, RoleRecord>;
}

/**
 * Stable names for the roles the app and its tests ask for, by construct path inside the stack. Roles
 * not listed (CDK's own helper roles) get a name derived from their path, e.g. `web:custom-cdkbucketdeployment…-servicerole`.
 */
export const ROLE_NAMES: Record<string, string> = {
  // The access stack: every role that reaches the table (infra/lib/stacks/access-stack.ts).
  'TenantAccess/TenantDataRole': 'tenant',
  'TenantAccess/PartnerReaderRole': 'partner-reader',
  ApiRole: 'api',
  DocumentsRole: 'documents',
  AlertJobRole: 'alerts',
  BouncesRole: 'bounces',
  // The jobs stack.
  'Notifier/Role': 'notifier',
  ScheduleRole: 'schedule',
};

function kebab(s: string): string {
  return s
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** `PeoplePlan-local-Api` → `api`: the stack's concern, used to prefix derived role names. */
function concernOf(stack: string): string {
  return kebab(stack.split('-').slice(2).join('-') || stack);
}

function constructPath(stack: string, logicalId: string, metadata: Record<string, Json> | undefined) {
  const path = metadata?.['aws:cdk:path'];
  return typeof path === 'string' ? path.replace(/\/Resource$/, '') : `${stack}/${logicalId}`;
}

function asDocument(value: Json, where: string): PolicyDocument {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where}: not a policy`);
  const statement = value.Statement;
  return {
    ...(typeof value.Version === 'string' ? { Version: value.Version } : {}),
    Statement: Array.isArray(statement) ? statement : statement ? [statement] : [],
  };
}

function asStrings(value: Json): string[] {
  return (Array.isArray(value) ? value : value === null ? [] : [value]).map(String);
}

export function extractAppPolicies(
  templates: Record<string, CfnTemplate>,
  env: FakeEnvironment,
): AppPolicySet {
  const resolver = new TemplateResolver(templates, env);
  const roles: RoleRecord[] = [];
  const tables: TableRecord[] = [];
  const managed = new Map<string, NamedPolicy>();

  for (const [stack, t] of Object.entries(templates)) {
    for (const [logicalId, r] of Object.entries(t.Resources ?? {})) {
      const props = r.Properties ?? {};
      const path = constructPath(stack, logicalId, r.Metadata);
      if (r.Type === 'AWS::IAM::ManagedPolicy') {
        const document = asDocument(resolver.resolve(stack, props.PolicyDocument ?? null), path);
        managed.set(resolver.arn(stack, logicalId), { name: path, document });
      } else if (r.Type === 'AWS::DynamoDB::Table') {
        tables.push(tableRecord(resolver, stack, logicalId, props));
      } else if (r.Type === 'AWS::IAM::Role') {
        const inner = path.slice(stack.length + 1);
        roles.push({
          name: ROLE_NAMES[inner] ?? `${concernOf(stack)}:${kebab(inner)}`,
          constructPath: path,
          stack,
          logicalId,
          roleName: resolver.physicalName(stack, logicalId),
          arn: resolver.arn(stack, logicalId),
          trustPolicy: asDocument(resolver.resolve(stack, props.AssumeRolePolicyDocument ?? null), path),
          identityPolicies: ((props.Policies ?? []) as Json[]).map((p) => {
            const inline = resolver.resolve(stack, p) as Record<string, Json>;
            return {
              name: `${path}/${String(inline.PolicyName)}`,
              document: asDocument(inline.PolicyDocument ?? null, path),
            };
          }),
          awsManagedPolicyArns: asStrings(resolver.resolve(stack, props.ManagedPolicyArns ?? [])),
        });
      }
    }
  }

  const byRoleName = new Map(roles.map((r) => [r.roleName, r]));
  // Policies attach to roles by physical name (`Roles: [{ Ref }]`, or an imported name across stacks).
  for (const [stack, t] of Object.entries(templates)) {
    for (const [logicalId, r] of Object.entries(t.Resources ?? {})) {
      if (r.Type !== 'AWS::IAM::Policy' && r.Type !== 'AWS::IAM::ManagedPolicy') continue;
      const props = r.Properties ?? {};
      const policy =
        r.Type === 'AWS::IAM::ManagedPolicy'
          ? managed.get(resolver.arn(stack, logicalId))!
          : {
              name: constructPath(stack, logicalId, r.Metadata),
              document: asDocument(resolver.resolve(stack, props.PolicyDocument ?? null), logicalId),
            };
      for (const roleName of asStrings(resolver.resolve(stack, props.Roles ?? []))) {
        byRoleName.get(roleName)?.identityPolicies.push(policy);
      }
    }
  }
  // Customer managed policies referenced by ARN from the role itself.
  for (const role of roles) {
    const aws: string[] = [];
    for (const arn of role.awsManagedPolicyArns) {
      const p = managed.get(arn);
      if (p) {
        if (!role.identityPolicies.includes(p)) role.identityPolicies.push(p);
      } else aws.push(arn);
    }
    role.awsManagedPolicyArns = aws;
  }

  const named: Record<string, RoleRecord> = {};
  for (const r of roles) {
    if (named[r.name])
      throw new Error(
        `Two roles map to the name ${r.name}: ${named[r.name]!.constructPath}, ${r.constructPath}`,
      );
    named[r.name] = r;
  }
  return { ...env, tables, roles: named };
}

function tableRecord(
  resolver: TemplateResolver,
  stack: string,
  logicalId: string,
  props: Record<string, Json>,
): TableRecord {
  const hashKey = (schema: Json): string => {
    const entry = (Array.isArray(schema) ? schema : []).find(
      (k) => k && typeof k === 'object' && !Array.isArray(k) && k.KeyType === 'HASH',
    ) as Record<string, Json> | undefined;
    return String(entry?.AttributeName);
  };
  const indexes: TableRecord['indexes'] = {};
  for (const list of [props.GlobalSecondaryIndexes, props.LocalSecondaryIndexes]) {
    for (const ix of (resolver.resolve(stack, list ?? []) as Record<string, Json>[]) ?? []) {
      indexes[String(ix.IndexName)] = { partitionKey: hashKey(ix.KeySchema ?? []) };
    }
  }
  return {
    stack,
    logicalId,
    name: resolver.physicalName(stack, logicalId),
    arn: resolver.arn(stack, logicalId),
    partitionKey: hashKey(resolver.resolve(stack, props.KeySchema ?? [])),
    indexes,
  };
}
