import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import { readConfig } from './config.js';
import { addPeoplePlan, type PeoplePlanStacks } from './peopleplan.js';

/** Feature flags this app is written against (CLI and cdk.json context still take precedence). */
const FLAGS = {
  // Lock in today's behaviour: a stack that exports a value cannot be updated to drop it while used.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

export interface PeoplePlanApp {
  app: App;
  stacks: PeoplePlanStacks;
  nag: AwsSolutionsChecks;
  /** Every rule pack synthesis runs: AWS Solutions and Serverless. */
  packs: NagPack[];
}

/**
 * The whole app: every stack from context, plus cdk-nag's AWS Solutions and Serverless checks as
 * synthesis-time validations (any finding not acknowledged in code fails `cdk synth`). Used by
 * bin/app.ts and by tests.
 */
export function createPeoplePlanApp(props: AppProps = {}): PeoplePlanApp {
  const app = new App({ ...props, context: { ...FLAGS, ...props.context } });
  const stacks = addPeoplePlan(app, readConfig(app.node));
  const nag = new AwsSolutionsChecks(app, { verbose: true });
  const packs: NagPack[] = [nag, new ServerlessChecks(app, { verbose: true })];
  Validations.of(app).addPlugins(...packs);
  return { app, stacks, nag, packs };
}
