/**
 * `npm run boards -- [--council ID …] [--dry-run] [--stage STAGE [--region REGION]]`: make plan boards
 * say what their plans' items say (BoardsRepo.repair), and each plan's record of its closed periods what
 * its snapshots say (SnapshotsRepo.repairClosedPeriods): for plans written before these existed, after a
 * rollback to a release without them, or after a council is restored from an export. Safe while people work. Locally it uses the running `npm start`'s
 * DynamoDB (or starts DynamoDB Local on the same files); with `--stage` a deployed stack's table (read
 * from its CloudFormation outputs), with an operator's credentials, which need Query, GetItem and UpdateItem on
 * the table. AWS is reached only when a stage is named. Without --council every council in the
 * service's directory is repaired.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CouncilData, createDocClient, DirectoryRepo, tenantContext } from '@peopleplan/db';
import { readDeployment } from '../infra/smoke/smoke-lib.js';
import { localDynamo } from './local-dynamo.js';

const { values } = parseArgs({
  options: {
    council: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
    stage: { type: 'string' },
    region: { type: 'string', default: 'eu-west-2' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('npm run boards -- [--council ID …] [--dry-run] [--stage STAGE [--region REGION]]');
  process.exit(0);
}

/** The table to repair: a deployed stage's, named; else the local one. */
async function target() {
  if (values.stage) {
    const d = await readDeployment(new CloudFormationClient({ region: values.region }), values.stage);
    return { doc: createDocClient({ region: values.region }), tableName: d.tableName, stop: async () => {} };
  }
  const db = await localDynamo(join(import.meta.dirname, '..', '.data'), (line) => console.log(line));
  return { doc: createDocClient({ endpoint: db.endpoint }), tableName: db.tableName, stop: db.stop };
}

let t: Awaited<ReturnType<typeof target>>;
try {
  t = await target();
} catch (e) {
  console.error(
    `Could not reach the table${values.stage ? ` of stage ${values.stage}` : ''}: ${(e as Error).message}`,
  );
  process.exit(1);
}
const { doc, tableName } = t;
const actor = { sub: 'system:boards', name: 'Board repair' };

/** Every council the service knows: the operator's directory (one query), never a table scan. */
async function allCouncils(): Promise<string[]> {
  return (await new DirectoryRepo(doc, tableName).councils()).map((c) => c.id).sort();
}

const dryRun = values['dry-run'];
let plans = 0;
let touched = 0;
try {
  for (const councilId of values.council ?? (await allCouncils())) {
    const data = new CouncilData(doc, tableName, tenantContext(councilId, 'system', actor));
    for (const plan of await data.plans.listAll()) {
      plans++;
      const r = await data.boards.repair(plan.id, { dryRun });
      const closed = await data.snapshots.repairClosedPeriods(plan.id, { dryRun });
      if (r.added + r.corrected + r.completed === 0 && !closed) continue;
      touched++;
      console.log(
        `${councilId} ${plan.id} “${plan.title}”: ${r.added} entries ${dryRun ? 'missing' : 'added'}, ` +
          `${r.corrected} ${dryRun ? 'wrong' : 'corrected'}, ${r.completed} shards ${dryRun ? 'incomplete' : 'completed'}` +
          `${closed ? `, closed periods ${dryRun ? 'out of step' : 'brought in step'}` : ''}`,
      );
    }
  }
  console.log(`${plans} plans checked, ${touched} ${dryRun ? 'need repair' : 'repaired'}`);
} finally {
  await t.stop();
}
