/**
 * `npm run bench iam`: what IAM evaluation (packages/iam-local) costs. Authorizing each kind of command
 * by the policy simulator and when the decision is remembered, and a GetItem round trip to a fresh
 * in-memory DynamoDB Local with and without evaluation, measured side by side.
 */
import { startDynamoDbLocal } from '@peopleplan/devstack';
import { measureEvaluationCost } from '@peopleplan/iam-local';
import type { BenchResult } from './run.js';

export async function run(): Promise<BenchResult[]> {
  const db = await startDynamoDbLocal();
  try {
    const cost = await measureEvaluationCost({ endpoint: db.endpoint });
    return [
      { name: 'load cached policies (synthesises on a cold cache)', value: cost.policyLoadMs, unit: 'ms' },
      ...Object.entries(cost.perCommandMicros).map(([name, value]) => ({
        name: `simulate: ${name}`,
        value,
        unit: 'µs',
      })),
      ...Object.entries(cost.rememberedMicros).map(([name, value]) => ({
        name: `remembered: ${name}`,
        value,
        unit: 'µs',
      })),
      { name: 'GetItem round trip (median), no evaluation', value: cost.getItemMs.plain, unit: 'ms' },
      {
        name: 'GetItem round trip (median), evaluated (remembered)',
        value: cost.getItemMs.evaluated,
        unit: 'ms',
      },
      {
        name: 'GetItem round trip (median), evaluated (simulated every time)',
        value: cost.getItemMs.simulatedEachTime,
        unit: 'ms',
      },
      { name: 'GetItem evaluated / plain', value: cost.getItemRatio.evaluated, unit: 'ratio' },
      {
        name: 'GetItem simulated every time / plain',
        value: cost.getItemRatio.simulatedEachTime,
        unit: 'ratio',
      },
    ];
  } finally {
    await db.stop();
  }
}
