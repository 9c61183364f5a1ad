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
 *   partnership add-reader --id ID --email EMAIL [--name NAME]
 *   partnership remove-reader --id ID --email EMAIL
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
import { CouncilCreate, DomainError, notFound } from '@peopleplan/core';
import { createDocClient, DirectoryRepo, jobCouncils, PartnershipsRepo } from '@peopleplan/db';
import { LocalUserDirectory } from '@peopleplan/devstack';
import {
  addOperator,
  addPartnerReader,
  createCouncil,
  createPartnership,
  eraseCouncil,
  exportCouncil,
  type OnboardingDeps,
  planErase,
  removePartnerReader,
  setCouncilStatus,
} from '@peopleplan/services';
import { readDeployment } from '../infra/smoke/smoke-lib.js';
import { localDynamo } from './local-dynamo.js';
import { LOCAL_USERS_FILE } from './local-stack.js';

const DATA = join(import.meta.dirname, '..', '.data');
const OPERATOR = { sub: 'system:council-cli', name: 'Operator (npm run council)' };

const USAGE = `npm run council -- <command>   (add --stage STAGE [--region REGION] for a deployed stack)
  create --id ID --name NAME --admin EMAIL [--admin-name NAME] [--fy-start MONTH]
  list
  suspend --id ID  |  reactivate --id ID
  export --id ID --out FILE
  delete --id ID [--confirm ID]        (without --confirm: a dry run)
  operator add --email EMAIL --name NAME
  partnership create --id ID --name NAME --lead COUNCIL --members A,B [--reader EMAIL …]
  partnership add-reader --id ID --email EMAIL [--name NAME]
  partnership remove-reader --id ID --email EMAIL`;

function args() {
  try {
    return parseArgs({
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
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    // An option nobody knows, or one without its value: say so and how it is used, no stack trace.
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const { values, positionals } = args();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

class UsageError extends Error {}

/** The option a field of the service's input comes from. */
const OPTION_OF: Record<string, string> = {
  adminEmail: 'admin',
  adminName: 'admin-name',
  financialYearStartMonth: 'fy-start',
  leadCouncilId: 'lead',
  memberCouncilIds: 'members',
  readers: 'reader',
};
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
  const db = await localDynamo(DATA);
  const doc = createDocClient({ endpoint: db.endpoint });
  return {
    deps: wire(doc, db.tableName, new LocalUserDirectory(join(DATA, LOCAL_USERS_FILE))),
    close: () => db.stop(),
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
      const id = need('id');
      const path = need('out');
      // The council first: a mistyped id must not leave an empty file behind.
      if (!(await deps.directory.council(id))) throw notFound('Council');
      const data = await deps.council(id);
      await data.council.get();
      const out = createWriteStream(path);
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
      if (values.confirm === undefined) {
        console.log(`Dry run: nothing erased. Export it first, then run again with --confirm ${id}`);
        return;
      }
      if (values.confirm !== id)
        throw new UsageError(`--confirm must repeat the council's id (${id}) to erase it`);
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
    case 'partnership add-reader':
      await addPartnerReader(
        deps,
        need('id'),
        { email: need('email'), ...(values.name ? { name: values.name } : {}) },
        OPERATOR,
      );
      console.log(`${values.email} reads partnership ${values.id} from their next sign-in`);
      return;
    case 'partnership remove-reader':
      await removePartnerReader(deps, need('id'), need('email'), OPERATOR);
      console.log(
        `${values.email} no longer reads partnership ${values.id}: it ends with their next request`,
      );
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
  if (e instanceof Error && e.name === 'ZodError') {
    const { issues } = e as Error & { issues: Array<{ path: PropertyKey[]; message: string }> };
    // `--id`, not `id`: the fields are the command's options.
    const lines = issues.map((i) => `--${OPTION_OF[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
    console.error(`${lines.join('\n')}\n\n${USAGE}`);
    process.exit(2);
  }
  if (e instanceof UsageError) {
    console.error(`${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (e instanceof DomainError) {
    console.error(e.message);
    process.exit(1);
  }
  // AWS (with --stage): missing credentials, a stage that is not deployed, no permission.
  console.error(`Could not ${positionals.join(' ')}: ${(e as Error).message}`);
  process.exit(1);
}
