/**
 * `npm run boards -- [--council ID …] [--dry-run]`: make plan boards say what their plans' items say
 * (BoardsRepo.repair): for plans written before boards existed, or after a rollback to a release
 * without them. Safe while people work. Locally it uses the running `npm start`'s DynamoDB; against
 * AWS set TABLE_NAME (and AWS_REGION) and run it with an operator's credentials, which need Query,
 * Scan and UpdateItem on the table. Without --council every council in the table is repaired (one
 * Scan for the council records: an operator's job, not the API's).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '@peopleplan/config';
import { CouncilData, createDocClient, sk, tenantContext } from '@peopleplan/db';
import { z } from 'zod';
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
const config = loadConfig(
  z.object({
    TABLE_NAME: z
      .string()
      .min(3)
      .default(stack?.tableName ?? 'peopleplan'),
    DYNAMODB_ENDPOINT: z.url().optional(),
    AWS_REGION: z.string().default('eu-west-2'),
  }),
  { DYNAMODB_ENDPOINT: stack?.dynamoEndpoint, ...process.env },
);
const doc = createDocClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
const actor = { sub: 'system:boards', name: 'Board repair' };

async function allCouncils(): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(
      new ScanCommand({
        TableName: config.TABLE_NAME,
        FilterExpression: 'SK = :council',
        ExpressionAttributeValues: { ':council': sk.council() },
        ProjectionExpression: 'PK',
        ExclusiveStartKey: start,
      }),
    );
    for (const i of r.Items ?? []) ids.push(String(i.PK).replace(/^C#/, ''));
    start = r.LastEvaluatedKey;
  } while (start);
  return ids.sort();
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
