/**
 * `npm run boards -- [--council ID …] [--dry-run]`: make plan boards say what their plans' items say
 * (BoardsRepo.repair): for plans written before boards existed, or after a rollback to a release
 * without them. Safe while people work. Locally it uses the running `npm start`'s DynamoDB; against
 * AWS set TABLE_NAME (and AWS_REGION) and run it with an operator's credentials, which need Query
 * and UpdateItem on the table. Without --council every council in the service's directory is repaired.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { loadConfig, OperatorScriptConfig } from '@peopleplan/config';
import { CouncilData, createDocClient, DirectoryRepo, tenantContext } from '@peopleplan/db';
import { readStackFile } from './stack-file.js';

const { values } = parseArgs({
  options: {
    council: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('npm run boards -- [--council ID …] [--dry-run]');
  process.exit(0);
}

// TABLE_NAME set: an operator pointing at AWS. Unset: the running local stack, if there is one.
const stack = process.env.TABLE_NAME ? undefined : readStackFile(join(import.meta.dirname, '..', '.data'));
const config = loadConfig(OperatorScriptConfig, {
  ...(stack && { TABLE_NAME: stack.tableName, DYNAMODB_ENDPOINT: stack.dynamoEndpoint }),
  ...process.env,
});
const doc = createDocClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
const actor = { sub: 'system:boards', name: 'Board repair' };

/** Every council the service knows: the operator's directory (one query), never a table scan. */
async function allCouncils(): Promise<string[]> {
  return (await new DirectoryRepo(doc, config.TABLE_NAME).councils()).map((c) => c.id).sort();
}

const dryRun = values['dry-run'];
let plans = 0;
let touched = 0;
for (const councilId of values.council ?? (await allCouncils())) {
  const data = new CouncilData(doc, config.TABLE_NAME, tenantContext(councilId, 'system', actor));
  for (const plan of await data.plans.listAll()) {
    plans++;
    const r = await data.boards.repair(plan.id, { dryRun });
    if (r.added + r.corrected + r.completed === 0) continue;
    touched++;
    console.log(
      `${councilId} ${plan.id} “${plan.title}”: ${r.added} entries ${dryRun ? 'missing' : 'added'}, ` +
        `${r.corrected} ${dryRun ? 'wrong' : 'corrected'}, ${r.completed} shards ${dryRun ? 'incomplete' : 'completed'}`,
    );
  }
}
console.log(`${plans} plans checked, ${touched} ${dryRun ? 'need repair' : 'repaired'}`);
