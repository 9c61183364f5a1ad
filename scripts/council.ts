/**
 * `npm run council -- <command>`: onboarding and offboarding councils, the operator's CLI. The same
 * service the API's operator routes use (packages/services): locally against the running `npm start`
 * (its DynamoDB and its identity provider's users, found through .data/), or with `--stage STAGE`
 * against a deployed stack (its outputs read from CloudFormation, with your AWS credentials).
 *
 *   create --id ID --name NAME --admin EMAIL [--admin-name NAME] [--fy-start MONTH]
 *   list
 *   suspend --id ID  |  reactivate --id ID
 *   export --id ID --out FILE
 *   delete --id ID [--confirm ID]        (without --confirm: a dry run, counts by item type)
 *   operator add --email EMAIL --name NAME
 *   partnership create --id ID --name NAME --lead COUNCIL --members A,B [--reader EMAIL …]
 *
 * Exits 0 when done, 1 with a message when the request cannot be done (an id that exists, say),
 * 2 for a mistake in the command itself.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityAdmin } from '@peopleplan/auth';
import { CouncilCreate, DomainError } from '@peopleplan/core';
import { createDocClient, DirectoryRepo, jobCouncils, PartnershipsRepo } from '@peopleplan/db';
import { ensureTable } from '@peopleplan/db/create-table';
import { type DynamoDbLocal, LocalUserDirectory, startDynamoDbLocal } from '@peopleplan/devstack';
import {
  addOperator,
  createCouncil,
  createPartnership,
  eraseCouncil,
  exportCouncil,
  type OnboardingDeps,
  planErase,
  setCouncilStatus,
} from '@peopleplan/services';
import { readDeployment } from '../infra/smoke/smoke-lib.js';
import { LOCAL_USERS_FILE } from './local-stack.js';
import { readStackFile } from './stack-file.js';

const DATA = join(import.meta.dirname, '..', '.data');
const OPERATOR = { sub: 'system:council-cli', name: 'Operator (npm run council)' };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    name: { type: 'string' },
    admin: { type: 'string' },
    'admin-name': { type: 'string' },
    'fy-start': { type: 'string' },
    out: { type: 'string' },
    confirm: { type: 'string' },
    email: { type: 'string' },
    lead: { type: 'string' },
    members: { type: 'string' },
    reader: { type: 'string', multiple: true },
    stage: { type: 'string' },
    region: { type: 'string', default: 'eu-west-2' },
  },
});

class UsageError extends Error {}
const need = (name: keyof typeof values): string => {
  const v = values[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required`);
  return v;
};

/** The service's dependencies: locally DynamoDB Local and the local users; with --stage, AWS. */
async function connect(): Promise<{ deps: OnboardingDeps; close: () => Promise<void> }> {
  if (values.stage) {
    const d = await readDeployment(new CloudFormationClient({ region: values.region }), values.stage);
    const doc = createDocClient({ region: values.region });
    return {
      deps: wire(
        doc,
        d.tableName,
        new CognitoIdentityAdmin(new CognitoIdentityProviderClient({ region: values.region }), d.userPoolId),
      ),
      close: async () => {},
    };
  }
  const stack = readStackFile(DATA);
  let own: DynamoDbLocal | undefined;
  let endpoint = stack?.dynamoEndpoint;
  if (!endpoint || !(await reachable(endpoint))) {
    own = await startDynamoDbLocal({ dbPath: join(DATA, 'dynamodb') });
    endpoint = own.endpoint;
  }
  const tableName = stack?.tableName ?? 'peopleplan';
  const doc = createDocClient({ endpoint });
  await ensureTable(doc as never, tableName);
  return {
    deps: wire(doc, tableName, new LocalUserDirectory(join(DATA, LOCAL_USERS_FILE))),
    close: async () => own?.stop(),
  };
}

function wire(
  doc: ReturnType<typeof createDocClient>,
  tableName: string,
  identity: OnboardingDeps['identity'],
) {
  return {
    directory: new DirectoryRepo(doc, tableName),
    partnerships: new PartnershipsRepo(doc, tableName),
    identity,
    council: jobCouncils(async () => doc, tableName, OPERATOR),
  } satisfies OnboardingDeps;
}

async function reachable(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1500) });
    return true;
  } catch {
    return false;
  }
}

async function run(deps: OnboardingDeps, command: string[]): Promise<void> {
  switch (command.join(' ')) {
    case 'create': {
      const input = CouncilCreate.parse({
        id: need('id'),
        name: need('name'),
        adminEmail: need('admin'),
        ...(values['admin-name'] ? { adminName: values['admin-name'] } : {}),
        financialYearStartMonth: Number(values['fy-start'] ?? 4),
      });
      const { council, admin } = await createCouncil(deps, input, OPERATOR);
      console.log(`Created ${council.id} (${council.name}); invited ${admin.email} as its admin`);
      return;
    }
    case 'list':
      for (const c of await deps.directory.councils())
        console.log(
          `${c.id.padEnd(24)} ${c.status.padEnd(10)} ${String(c.counts.members).padStart(4)} members ` +
            `${String(c.counts.plans).padStart(4)} plans  ${c.name}`,
        );
      return;
    case 'suspend':
    case 'reactivate': {
      const c = await setCouncilStatus(
        deps,
        need('id'),
        command[0] === 'suspend' ? 'suspended' : 'active',
        OPERATOR,
      );
      console.log(`${c.id} is now ${c.status}`);
      return;
    }
    case 'export': {
      const out = createWriteStream(need('out'));
      const data = await deps.council(need('id'));
      await data.council.get();
      const r = await exportCouncil(
        data,
        (chunk) => new Promise<void>((res, rej) => out.write(chunk, (e) => (e ? rej(e) : res()))),
      );
      await new Promise<void>((res) => out.end(res));
      console.log(`Wrote ${r.items} items and ${r.plans} plan workbooks to ${values.out}`);
      return;
    }
    case 'delete': {
      const id = need('id');
      const plan = await planErase(deps, id);
      console.log(
        `${id}: ${plan.total} items (${Object.entries(plan.byType)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ')})`,
      );
      if (plan.partnerships.length) console.log(`  member of: ${plan.partnerships.join(', ')}`);
      if (values.confirm !== id) {
        console.log(`Dry run: nothing erased. Export it first, then run again with --confirm ${id}`);
        return;
      }
      await eraseCouncil(deps, id, OPERATOR);
      console.log(`Erased ${id}; its id stays taken in the directory`);
      return;
    }
    case 'operator add':
      await addOperator(deps, need('email'), need('name'), OPERATOR);
      console.log(`${values.email} is an operator: they sign in and find the council directory at /operator`);
      return;
    case 'partnership create':
      await createPartnership(
        deps,
        {
          id: need('id'),
          name: need('name'),
          leadCouncilId: need('lead'),
          memberCouncilIds: need('members')
            .split(',')
            .map((s) => s.trim()),
          readers: (values.reader ?? []).map((email) => ({ email })),
        },
        OPERATOR,
      );
      console.log(`Created partnership ${values.id}; each member council's admin must now grant consent`);
      return;
    default:
      throw new UsageError(`unknown command "${command.join(' ')}"`);
  }
}

try {
  if (!positionals.length) throw new UsageError('name a command');
  const { deps, close } = await connect();
  try {
    await run(deps, positionals);
  } finally {
    await close();
  }
} catch (e) {
  if (e instanceof UsageError || (e as Error).name === 'ZodError') {
    console.error(
      `${(e as Error).message}\nUsage: see the top of scripts/council.ts, or the README ("Add a council")`,
    );
    process.exit(2);
  }
  if (e instanceof DomainError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
