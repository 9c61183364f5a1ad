/**
 * CDK app entry (`cdk.json`: `npx tsx infra/bin/app.ts`). Synthesises offline with no credentials: the
 * account stays unresolved unless CDK_DEFAULT_ACCOUNT (set by the CLI when credentials exist) or context
 * `account` provides one. cdk-nag's AWS Solutions checks run on every synth and fail it on any finding
 * that is not acknowledged in code with a reason.
 */
import { createPeoplePlanApp } from '../lib/app.js';

createPeoplePlanApp().app.synth();
