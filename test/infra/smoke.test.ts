/**
 * The post-deploy smoke test's pieces, against the AWS SDK's request shapes (aws-sdk-client-mock stands
 * in for AWS: there is no account here) and a stand-in fetch. What is checked is what each step asks
 * AWS for, and that each step fails when the deployment is wrong.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkNoBypass,
  checkTenantIsolation,
  type Deployment,
  readDeployment,
  runSmoke,
  type SmokeOptions,
  signIn,
  smokeSteps,
  totpCode,
} from '../../infra/smoke/smoke-lib.js';

const cfn = mockClient(CloudFormationClient);
const cognito = mockClient(CognitoIdentityProviderClient);
const sts = mockClient(STSClient);
const dynamo = mockClient(DynamoDBClient);
afterEach(() => {
  for (const m of [cfn, cognito, sts, dynamo]) m.reset();
});

const region = 'eu-west-2';
const deployment: Deployment = {
  webUrl: 'https://plans.council.example',
  apiBaseUrl: 'https://abc123.execute-api.eu-west-2.amazonaws.com',
  userPoolId: 'eu-west-2_AbC',
  clientId: 'client123',
  tenantRoleArn: 'arn:aws:iam::123456789012:role/PeoplePlan-test-Access-TenantAccessTenantDataRole',
  tableName: 'PeoplePlan-test-Data-Table',
};
const options: SmokeOptions = {
  stage: 'test',
  region,
  council: 'harrow',
  otherCouncil: 'kent',
  username: 'smoke@council.example',
  password: 'not-a-real-password',
};

function stackOutputs() {
  const outputs: Record<string, Record<string, string>> = {
    'PeoplePlan-test-Web': { WebUrl: `${deployment.webUrl}/`, UserPoolClientId: deployment.clientId },
    'PeoplePlan-test-Gateway': { ApiBaseUrl: deployment.apiBaseUrl },
    'PeoplePlan-test-Auth': { UserPoolId: deployment.userPoolId },
    'PeoplePlan-test-Access': { TenantRoleArn: deployment.tenantRoleArn },
    'PeoplePlan-test-Data': { TableName: deployment.tableName },
  };
  for (const [name, values] of Object.entries(outputs)) {
    cfn.on(DescribeStacksCommand, { StackName: name }).resolves({
      Stacks: [
        {
          StackName: name,
          CreationTime: new Date(),
          StackStatus: 'UPDATE_COMPLETE',
          Outputs: Object.entries(values).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
        },
      ],
    });
  }
}

/** A fetch that answers from a table of `METHOD url` → [status, body]; records what was asked. */
function fakeFetch(answers: Record<string, [number, unknown]>) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fn = async (url: string, init?: RequestInit) => {
    calls.push({ url, headers: (init?.headers as Record<string, string>) ?? {} });
    const answer = answers[url];
    if (!answer) throw new TypeError(`fetch failed: no answer for ${url}`);
    return new Response(JSON.stringify(answer[1]), { status: answer[0] });
  };
  return { fn, calls };
}

const denied = () =>
  Object.assign(new Error('not authorized to perform: dynamodb:GetItem'), { name: 'AccessDeniedException' });
const dynamoFor = () =>
  new DynamoDBClient({ region, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

describe('stack outputs', () => {
  it('reads each output from its stack, by the names the stacks give them', async () => {
    stackOutputs();
    await expect(readDeployment(new CloudFormationClient({ region }), 'test')).resolves.toEqual(deployment);
    expect(
      cfn
        .commandCalls(DescribeStacksCommand)
        .map((c) => c.args[0].input.StackName)
        .sort(),
    ).toEqual([
      'PeoplePlan-test-Access',
      'PeoplePlan-test-Auth',
      'PeoplePlan-test-Data',
      'PeoplePlan-test-Gateway',
      'PeoplePlan-test-Web',
    ]);
  });

  it('names the stack and output that is missing', async () => {
    stackOutputs();
    cfn.on(DescribeStacksCommand, { StackName: 'PeoplePlan-test-Access' }).resolves({ Stacks: [] });
    await expect(readDeployment(new CloudFormationClient({ region }), 'test')).rejects.toThrow(
      'PeoplePlan-test-Access has no output TenantRoleArn',
    );
  });
});

describe('sign-in', () => {
  it('uses AdminInitiateAuth with ADMIN_USER_PASSWORD_AUTH on the web client', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves({ AuthenticationResult: { AccessToken: 'token-1' } });
    await expect(signIn(new CognitoIdentityProviderClient({ region }), deployment, 'u', 'p')).resolves.toBe(
      'token-1',
    );
    expect(cognito.commandCalls(AdminInitiateAuthCommand)[0]!.args[0].input).toEqual({
      UserPoolId: 'eu-west-2_AbC',
      ClientId: 'client123',
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'u', PASSWORD: 'p' },
    });
  });

  it('explains a challenge instead of carrying on without a token', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' });
    await expect(signIn(new CognitoIdentityProviderClient({ region }), deployment, 'u', 'p')).rejects.toThrow(
      /NEW_PASSWORD_REQUIRED.*--permanent.*SMOKE_TOTP_SECRET/,
    );
  });

  it('answers the required TOTP challenge with a code from the secret (RFC 6238)', async () => {
    // RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" at 59 s gives 94287082 (8 digits).
    expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
    cognito
      .on(AdminInitiateAuthCommand)
      .resolves({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'session-1' })
      .on(AdminRespondToAuthChallengeCommand)
      .resolves({ AuthenticationResult: { AccessToken: 'token-2' } });
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    await expect(
      signIn(new CognitoIdentityProviderClient({ region }), deployment, 'u', 'p', secret, () => 59_000),
    ).resolves.toBe('token-2');
    expect(cognito.commandCalls(AdminRespondToAuthChallengeCommand)[0]!.args[0].input).toEqual({
      UserPoolId: 'eu-west-2_AbC',
      ClientId: 'client123',
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'session-1',
      ChallengeResponses: { USERNAME: 'u', SOFTWARE_TOKEN_MFA_CODE: '287082' },
    });
  });
});

describe('tenant isolation', () => {
  it('assumes the tenant role tagged with one council, reads it, and is refused the other', async () => {
    sts.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'AK', SecretAccessKey: 'SK', SessionToken: 'ST', Expiration: new Date() },
    });
    dynamo
      .on(GetItemCommand, { Key: { PK: { S: 'C#harrow' }, SK: { S: 'COUNCIL' } } })
      .resolves({ Item: { PK: { S: 'C#harrow' } } })
      .on(GetItemCommand, { Key: { PK: { S: 'C#kent' }, SK: { S: 'COUNCIL' } } })
      .rejects(denied());
    const seen: unknown[] = [];
    const out = await checkTenantIsolation(
      new STSClient({ region }),
      (c) => {
        seen.push(c);
        return dynamoFor();
      },
      deployment,
      'harrow',
      'kent',
    );
    expect(out).toBe('harrow readable (found), kent refused');
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input).toEqual({
      RoleArn: deployment.tenantRoleArn,
      RoleSessionName: 'smoke-harrow',
      Tags: [{ Key: 'council', Value: 'harrow' }],
      DurationSeconds: 900,
    });
    // The reads use the assumed session, not the caller's own credentials.
    expect(seen).toEqual([{ accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'ST' }]);
    expect(dynamo.commandCalls(GetItemCommand).map((c) => c.args[0].input.TableName)).toEqual([
      deployment.tableName,
      deployment.tableName,
    ]);
  });

  it('fails when the session can read the other council', async () => {
    sts.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'AK', SecretAccessKey: 'SK', SessionToken: 'ST', Expiration: new Date() },
    });
    dynamo.on(GetItemCommand).resolves({});
    await expect(
      checkTenantIsolation(new STSClient({ region }), dynamoFor, deployment, 'harrow', 'kent'),
    ).rejects.toThrow('tenant isolation is broken');
  });

  it('passes other errors on (a throttle is not a refusal)', async () => {
    sts.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'AK', SecretAccessKey: 'SK', SessionToken: 'ST', Expiration: new Date() },
    });
    dynamo
      .on(GetItemCommand, { Key: { PK: { S: 'C#harrow' }, SK: { S: 'COUNCIL' } } })
      .resolves({})
      .on(GetItemCommand, { Key: { PK: { S: 'C#kent' }, SK: { S: 'COUNCIL' } } })
      .rejects(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }));
    await expect(
      checkTenantIsolation(new STSClient({ region }), dynamoFor, deployment, 'harrow', 'kent'),
    ).rejects.toThrow('slow down');
  });
});

describe('no way around CloudFront', () => {
  it('passes on 403 and fails when the API answers a request without the origin header', async () => {
    const url = `${deployment.apiBaseUrl}/api/v1/openapi.json`;
    await expect(checkNoBypass(fakeFetch({ [url]: [403, {}] }).fn, deployment)).resolves.toBe(
      'refused with 403',
    );
    await expect(checkNoBypass(fakeFetch({ [url]: [200, {}] }).fn, deployment)).rejects.toThrow(
      'answered 200',
    );
  });
});

describe('the whole run', () => {
  it('runs every step in order with the access token on the API read', async () => {
    stackOutputs();
    cognito.on(AdminInitiateAuthCommand).resolves({ AuthenticationResult: { AccessToken: 'token-1' } });
    sts.on(AssumeRoleCommand).resolves({
      Credentials: { AccessKeyId: 'AK', SecretAccessKey: 'SK', SessionToken: 'ST', Expiration: new Date() },
    });
    dynamo
      .on(GetItemCommand, { Key: { PK: { S: 'C#harrow' }, SK: { S: 'COUNCIL' } } })
      .resolves({})
      .on(GetItemCommand, { Key: { PK: { S: 'C#kent' }, SK: { S: 'COUNCIL' } } })
      .rejects(denied());
    const http = fakeFetch({
      [`${deployment.apiBaseUrl}/health`]: [200, { status: 'ok', stage: 'test' }],
      [`${deployment.apiBaseUrl}/api/v1/openapi.json`]: [403, {}],
      [`${deployment.webUrl}/api/v1/me`]: [200, { councils: [{ id: 'harrow' }] }],
    });
    const lines: string[] = [];
    const ok = await runSmoke(
      options,
      {
        cfn: new CloudFormationClient({ region }),
        cognito: new CognitoIdentityProviderClient({ region }),
        sts: new STSClient({ region }),
        dynamoFor,
        fetch: http.fn,
      },
      (l) => lines.push(l),
    );
    expect(lines).toEqual([
      `✓ stack outputs: ${deployment.webUrl}, API ${deployment.apiBaseUrl}`,
      '✓ health: ok (stage test)',
      '✓ no way around CloudFront: refused with 403',
      '✓ sign in: access token received',
      '✓ read a route: 200, member of harrow',
      '✓ tenant isolation: harrow readable (no council record), kent refused',
    ]);
    expect(ok).toBe(true);
    expect(http.calls.find((c) => c.url.endsWith('/api/v1/me'))?.headers).toEqual({
      authorization: 'Bearer token-1',
    });
  });

  it('stops at the first failing step and says which', async () => {
    stackOutputs();
    const http = fakeFetch({
      [`${deployment.apiBaseUrl}/health`]: [502, { message: 'Internal Server Error' }],
    });
    const lines: string[] = [];
    const clients = {
      cfn: new CloudFormationClient({ region }),
      cognito: new CognitoIdentityProviderClient({ region }),
      sts: new STSClient({ region }),
      dynamoFor,
      fetch: http.fn,
    };
    expect(await runSmoke(options, clients, (l) => lines.push(l))).toBe(false);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^✗ health: GET .*\/health answered 502/);
    expect(cognito.commandCalls(AdminInitiateAuthCommand)).toHaveLength(0);
  });

  it('describes every step for --dry-run without calling anything', () => {
    const steps = smokeSteps(options);
    expect(steps.map((s) => s.name)).toEqual([
      'stack outputs',
      'health',
      'no way around CloudFront',
      'sign in',
      'read a route',
      'tenant isolation',
    ]);
    expect(steps.at(-1)?.plan).toContain('council=harrow');
    expect(cfn.calls()).toHaveLength(0);
  });
});
