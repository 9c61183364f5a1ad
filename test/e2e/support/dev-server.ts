/**
 * For working on the web app: the local stack in memory (nothing written to .data), the demo data plus
 * the browser tests' plan, serving web/dist. `npx tsx test/e2e/support/dev-server.ts` (PORT to choose).
 */
import { seedDemoPlan, startE2eStack } from './stack.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const e = await startE2eStack();
const plan = await seedDemoPlan(e);
console.log(`PeoplePlan (dev, in memory): ${e.url}  test plan ${plan.planId}`);
const stop = async () => {
  await e.stack.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
