/**
 * `npm start`: the whole product on this machine, no AWS account and no Docker.
 * Data is kept under .data/ so a restart keeps it. Ctrl-C stops everything cleanly.
 */
import { join } from 'node:path';

// Lambda runs Node 22; the AWS SDK's notice about Node 20 is known and only noise here (docs/architecture.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { LocalStackConfig, loadConfig } from '@peopleplan/config';
import { REPO_ROOT, startLocalStack } from './local-stack.js';

let port: number;
try {
  port = loadConfig(LocalStackConfig).PORT;
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

const stack = await startLocalStack({
  port,
  dataDir: join(REPO_ROOT, '.data'),
  webDist: join(REPO_ROOT, 'web', 'dist'),
});
console.log('PeoplePlan is running:');
for (const s of stack.services) console.log(`  ${s.name.padEnd(24)} ${s.url}`);
console.log(
  'Sign in as a demo user (admin@harrow.demo, editor@kent.demo, viewer@east-herts.demo …). Ctrl-C stops.',
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await stack.stop();
  console.log('Stopped.');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
