import { join } from 'node:path';
import { createDocClient } from '@peopleplan/db';
import { ensureTable } from '@peopleplan/db/create-table';
import { type DynamoDbLocal, startDynamoDbLocal } from '@peopleplan/devstack';
import { readStackFile, type StackFile } from './stack-file.js';

/** Where an operator's local command reads and writes: never AWS unless it is asked for by name. */
export interface LocalDynamo {
  endpoint: string;
  tableName: string;
  /** The running `npm start`, when that is whose DynamoDB this is. */
  stack?: StackFile;
  /** Stops the DynamoDB Local this command started (nothing when it used the running stack's). */
  stop(): Promise<void>;
}

/** The table `npm start` makes (scripts/local-stack.ts). */
export const LOCAL_TABLE = 'peopleplan';

async function reachable(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1500) });
    return true;
  } catch {
    return false;
  }
}

/**
 * The running `npm start`'s DynamoDB (found through `.data/local-stack.json`), or, when it is not
 * running, DynamoDB Local started on the same files (`.data/dynamodb`), so the data is the same one
 * either way. The table is made if it is not there.
 */
export async function localDynamo(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<LocalDynamo> {
  const stack = readStackFile(dataDir);
  let own: DynamoDbLocal | undefined;
  let endpoint: string;
  if (stack && (await reachable(stack.dynamoEndpoint))) {
    endpoint = stack.dynamoEndpoint;
    log(`Using the running local stack: DynamoDB ${endpoint}`);
  } else {
    own = await startDynamoDbLocal({ dbPath: join(dataDir, 'dynamodb') });
    endpoint = own.endpoint;
    log('The local stack is not running: started DynamoDB Local on .data/dynamodb');
  }
  const tableName = stack?.tableName ?? LOCAL_TABLE;
  try {
    await ensureTable(createDocClient({ endpoint }) as never, tableName);
  } catch (e) {
    // The DynamoDB Local started here must not outlive the command.
    await own?.stop();
    throw e;
  }
  return {
    endpoint,
    tableName,
    ...(own ? {} : { stack: stack! }),
    stop: async () => own?.stop(),
  };
}
