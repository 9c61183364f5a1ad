/**
 * `npm run smoke -- --stage STAGE [--council ID --other-council ID] [--region R] [--dry-run]`: after a
 * deployment, checks it from the outside (infra/README.md, "Smoke test"): the stack outputs, `/health`,
 * that the API refuses requests that did not come through CloudFront, a test user's sign-in, one API
 * route read through CloudFront, and that a tenant session for one council is refused another's data.
 *
 * The test user comes from SMOKE_USERNAME, SMOKE_PASSWORD and SMOKE_TOTP_SECRET (never arguments, which
 * shells keep);
 * councils from the flags or SMOKE_COUNCIL / SMOKE_OTHER_COUNCIL. Run it with AWS credentials of the
 * role named by context `smokeTestRoleArn` (the only principal besides the API that may assume the
 * tenant role); it also needs cloudformation:DescribeStacks, cognito-idp:AdminInitiateAuth and
 * cognito-idp:AdminRespondToAuthChallenge.
 */
import { parseArgs } from 'node:util';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STSClient } from '@aws-sdk/client-sts';
import { runSmoke, type SmokeOptions, smokeSteps } from './smoke-lib.js';

const { values } = parseArgs({
  options: {
    stage: { type: 'string' },
    region: { type: 'string' },
    council: { type: 'string' },
    'other-council': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const usage = 'npm run smoke -- --stage STAGE [--council ID --other-council ID] [--region R] [--dry-run]';
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const options: SmokeOptions = {
  stage: values.stage ?? '',
  region: values.region ?? process.env.AWS_REGION ?? 'eu-west-2',
  council: values.council ?? process.env.SMOKE_COUNCIL ?? '',
  otherCouncil: values['other-council'] ?? process.env.SMOKE_OTHER_COUNCIL ?? '',
  username: process.env.SMOKE_USERNAME,
  password: process.env.SMOKE_PASSWORD,
  totpSecret: process.env.SMOKE_TOTP_SECRET,
};
const missing = [
  !options.stage && '--stage',
  !options.council && '--council (or SMOKE_COUNCIL)',
  !options.otherCouncil && '--other-council (or SMOKE_OTHER_COUNCIL)',
].filter(Boolean);
if (missing.length) {
  console.error(`Missing ${missing.join(', ')}\n${usage}`);
  process.exit(2);
}
if (options.council === options.otherCouncil) {
  console.error('--council and --other-council must differ: the test proves one cannot read the other');
  process.exit(2);
}

if (values['dry-run']) {
  console.log(`Smoke test of PeoplePlan ${options.stage} (${options.region}), dry run: nothing is called.`);
  for (const [i, step] of smokeSteps(options).entries()) console.log(`${i + 1}. ${step.name}: ${step.plan}`);
  process.exit(0);
}

const region = options.region;
const passed = await runSmoke(
  options,
  {
    cfn: new CloudFormationClient({ region }),
    cognito: new CognitoIdentityProviderClient({ region }),
    sts: new STSClient({ region }),
    dynamoFor: (credentials) => new DynamoDBClient({ region, credentials }),
    fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(15_000) }),
  },
  (line) => console.log(line),
);
process.exit(passed ? 0 : 1);
