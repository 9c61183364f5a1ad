/**
 * Resolves CloudFormation intrinsics in synthesised templates to the concrete values CloudFormation would
 * produce in one fixed, fake environment: `Ref`s and `Fn::GetAtt`s become physical names and ARNs,
 * `Fn::ImportValue` follows the exporting stack's output, `Fn::Join`/`Fn::Sub`/`Fn::Select`/`Fn::Split`
 * compute their strings. Only what IAM policies need is modelled; anything else fails loudly, so a new
 * intrinsic in a policy is noticed instead of silently mis-evaluated.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CfnResource {
  Type: string;
  Properties?: Record<string, Json>;
  Metadata?: Record<string, Json>;
}

export interface CfnTemplate {
  Resources?: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: Json; Export?: { Name: Json } }>;
  Parameters?: Record<string, { Default?: Json }>;
  Conditions?: Record<string, Json>;
  Mappings?: Record<string, Record<string, Record<string, Json>>>;
}

export interface FakeEnvironment {
  account: string;
  region: string;
  partition: string;
}

/** `AWS::NoValue`: removed from the list or object that holds it, as CloudFormation does. */
const NO_VALUE = Symbol('AWS::NoValue');
type Resolved = Json | typeof NO_VALUE;

/** Property that names each resource type, when the template sets it (otherwise CloudFormation generates one). */
const NAME_PROPERTY: Record<string, string> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::S3::Bucket': 'BucketName',
};

export class TemplateResolver {
  private readonly exports = new Map<string, { stack: string; value: Json }>();

  constructor(
    readonly templates: Record<string, CfnTemplate>,
    readonly env: FakeEnvironment,
  ) {
    for (const [stack, t] of Object.entries(templates)) {
      for (const output of Object.values(t.Outputs ?? {})) {
        if (!output.Export) continue;
        const name = this.resolve(stack, output.Export.Name);
        if (typeof name !== 'string') throw new Error(`${stack}: export name is not a string`);
        this.exports.set(name, { stack, value: output.Value });
      }
    }
  }

  /** The value with every intrinsic resolved, as CloudFormation would see it in stack `stack`. */
  resolve(stack: string, value: Json): Json {
    const r = this.walk(stack, value);
    return r === NO_VALUE ? null : r;
  }

  resource(stack: string, logicalId: string): CfnResource {
    const r = this.templates[stack]?.Resources?.[logicalId];
    if (!r) throw new Error(`${stack}: no resource ${logicalId}`);
    return r;
  }

  /** The physical name CloudFormation would give the resource (generated like `<stack>-<logicalId>` when unset). */
  physicalName(stack: string, logicalId: string): string {
    const r = this.resource(stack, logicalId);
    const prop = NAME_PROPERTY[r.Type];
    const given = prop ? r.Properties?.[prop] : undefined;
    if (given !== undefined) return String(this.resolve(stack, given));
    const generated = `${stack}-${logicalId}`;
    if (r.Type === 'AWS::S3::Bucket') return generated.toLowerCase().slice(0, 63);
    // Role and function names are limited to 64 characters.
    return generated.slice(0, 64);
  }

  arn(stack: string, logicalId: string): string {
    const { Type } = this.resource(stack, logicalId);
    const name = this.physicalName(stack, logicalId);
    const { account: a, region: r, partition: p } = this.env;
    switch (Type) {
      case 'AWS::IAM::Role':
        return `arn:${p}:iam::${a}:role/${name}`;
      case 'AWS::IAM::ManagedPolicy':
        return `arn:${p}:iam::${a}:policy/${name}`;
      case 'AWS::DynamoDB::Table':
        return `arn:${p}:dynamodb:${r}:${a}:table/${name}`;
      case 'AWS::SQS::Queue':
        return `arn:${p}:sqs:${r}:${a}:${name}`;
      case 'AWS::SNS::Topic':
        return `arn:${p}:sns:${r}:${a}:${name}`;
      case 'AWS::Lambda::Function':
        return `arn:${p}:lambda:${r}:${a}:function:${name}`;
      case 'AWS::Logs::LogGroup':
        return `arn:${p}:logs:${r}:${a}:log-group:${name}:*`;
      case 'AWS::S3::Bucket':
        return `arn:${p}:s3:::${name}`;
      default: {
        const [, service = 'unknown', kind = 'resource'] = Type.split('::');
        return `arn:${p}:${service.toLowerCase()}:${r}:${a}:${kind.toLowerCase()}/${name}`;
      }
    }
  }

  private ref(stack: string, name: string): Resolved {
    const { account, region, partition } = this.env;
    switch (name) {
      case 'AWS::AccountId':
        return account;
      case 'AWS::Region':
        return region;
      case 'AWS::Partition':
        return partition;
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return stack;
      case 'AWS::StackId':
        return `arn:${partition}:cloudformation:${region}:${account}:stack/${stack}/00000000-0000-0000-0000-000000000000`;
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::NoValue':
        return NO_VALUE;
    }
    const param = this.templates[stack]?.Parameters?.[name];
    if (param) {
      if (param.Default === undefined) throw new Error(`${stack}: parameter ${name} has no default`);
      return this.walk(stack, param.Default);
    }
    const { Type } = this.resource(stack, name);
    const physical = this.physicalName(stack, name);
    if (Type === 'AWS::SQS::Queue') return `https://sqs.${region}.amazonaws.com/${account}/${physical}`;
    if (Type === 'AWS::SNS::Topic' || Type === 'AWS::IAM::ManagedPolicy') return this.arn(stack, name);
    return physical;
  }

  private getAtt(stack: string, logicalId: string, attribute: string): Json {
    if (attribute === 'Arn') return this.arn(stack, logicalId);
    const { Type } = this.resource(stack, logicalId);
    if (Type === 'AWS::DynamoDB::Table' && attribute === 'StreamArn') {
      return `${this.arn(stack, logicalId)}/stream/1970-01-01T00:00:00.000`;
    }
    if (Type === 'AWS::SQS::Queue' && attribute === 'QueueName') return this.physicalName(stack, logicalId);
    if (Type === 'AWS::SQS::Queue' && attribute === 'QueueUrl') return this.ref(stack, logicalId) as string;
    // Other attributes (domain names, ids, endpoints) only need to be stable strings here.
    return `${this.physicalName(stack, logicalId)}.${attribute}`;
  }

  private walk(stack: string, value: Json): Resolved {
    if (Array.isArray(value)) {
      return value.map((v) => this.walk(stack, v)).filter((v): v is Json => v !== NO_VALUE);
    }
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    const only = keys.length === 1 ? keys[0]! : undefined;
    if (only === 'Ref' || only?.startsWith('Fn::') || only === 'Condition') {
      return this.intrinsic(stack, only, value[only]!);
    }
    const out: Record<string, Json> = {};
    for (const k of keys) {
      const v = this.walk(stack, value[k]!);
      if (v !== NO_VALUE) out[k] = v;
    }
    return out;
  }

  private str(stack: string, value: Json, where: string): string {
    const v = this.walk(stack, value);
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new Error(`${stack}: ${where} did not resolve to a string`);
  }

  private list(stack: string, value: Json, where: string): Json[] {
    const v = this.walk(stack, value);
    if (!Array.isArray(v)) throw new Error(`${stack}: ${where} did not resolve to a list`);
    return v;
  }

  private intrinsic(stack: string, fn: string, arg: Json): Resolved {
    const args = Array.isArray(arg) ? arg : [];
    switch (fn) {
      case 'Ref':
        return this.ref(stack, String(arg));
      case 'Fn::GetAtt': {
        const [id, attr] = typeof arg === 'string' ? arg.split(/\.(.*)/) : args.map(String);
        return this.getAtt(stack, String(id), String(attr));
      }
      case 'Fn::Join': {
        const [sep, parts] = args;
        return this.list(stack, parts ?? [], 'Fn::Join')
          .map((p) => this.str(stack, p, 'Fn::Join part'))
          .join(String(sep ?? ''));
      }
      case 'Fn::Select': {
        const index = Number(this.walk(stack, args[0] ?? 0));
        const item = this.list(stack, args[1] ?? [], 'Fn::Select')[index];
        if (item === undefined) throw new Error(`${stack}: Fn::Select index ${index} out of range`);
        return item;
      }
      case 'Fn::Split':
        return this.str(stack, args[1] ?? '', 'Fn::Split').split(String(args[0]));
      case 'Fn::Sub':
        return this.sub(stack, arg);
      case 'Fn::ImportValue': {
        const name = this.str(stack, arg, 'Fn::ImportValue');
        const exported = this.exports.get(name);
        if (!exported) throw new Error(`${stack}: no stack exports ${name}`);
        return this.walk(exported.stack, exported.value);
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = args.map((a) => this.str(stack, a, 'Fn::FindInMap'));
        const v = this.templates[stack]?.Mappings?.[map!]?.[top!]?.[second!];
        if (v === undefined) throw new Error(`${stack}: Fn::FindInMap ${map}.${top}.${second} not found`);
        return this.walk(stack, v);
      }
      case 'Fn::Base64':
        return this.str(stack, arg, 'Fn::Base64');
      case 'Fn::If': {
        const [condition, yes, no] = args;
        return this.walk(stack, this.condition(stack, String(condition)) ? (yes ?? null) : (no ?? null));
      }
      case 'Condition':
        return this.condition(stack, String(arg));
      case 'Fn::Equals':
        return (
          JSON.stringify(this.walk(stack, args[0] ?? null)) ===
          JSON.stringify(this.walk(stack, args[1] ?? null))
        );
      case 'Fn::Not':
        return !this.walk(stack, args[0] ?? null);
      case 'Fn::And':
        return args.every((a) => this.walk(stack, a) === true);
      case 'Fn::Or':
        return args.some((a) => this.walk(stack, a) === true);
      default:
        throw new Error(`${stack}: iam-local cannot resolve ${fn} (add it to cfn-resolve.ts)`);
    }
  }

  private condition(stack: string, name: string): boolean {
    const c = this.templates[stack]?.Conditions?.[name];
    if (c === undefined) throw new Error(`${stack}: no condition ${name}`);
    return this.walk(stack, c) === true;
  }

  private sub(stack: string, arg: Json): string {
    const [template, vars] = Array.isArray(arg) ? arg : [arg, {}];
    if (typeof template !== 'string') throw new Error(`${stack}: Fn::Sub template is not a string`);
    const variables = (vars && typeof vars === 'object' && !Array.isArray(vars) ? vars : {}) as Record<
      string,
      Json
    >;
    // `${!Literal}` stays as `${Literal}`; IAM policy variables such as `${aws:username}` only reach here escaped.
    return template.replace(/\$\{(!?)([^}]+)\}/g, (_, bang: string, name: string) => {
      if (bang) return `\${${name}}`;
      if (name in variables) return this.str(stack, variables[name]!, `Fn::Sub ${name}`);
      if (name.startsWith('AWS::')) return this.str(stack, { Ref: name }, `Fn::Sub ${name}`);
      const [id, attr] = name.split(/\.(.*)/);
      return this.str(stack, attr ? { 'Fn::GetAtt': [id!, attr] } : { Ref: id! }, `Fn::Sub ${name}`);
    });
  }
}
