import { forbidden } from '@peopleplan/core';
import { jobCouncils } from '@peopleplan/db';
import type { OnboardingDeps } from '@peopleplan/services/onboarding';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from './context.js';

/** The onboarding service's dependencies from the app's: each council reached through its own session. */
export function onboardingFor(
  deps: AppDeps,
  actor = { sub: 'system:onboarding', name: 'PeoplePlan' },
): OnboardingDeps {
  const councils = jobCouncils(deps.docFor, deps.config.TABLE_NAME, actor);
  return {
    directory: deps.directory,
    identity: deps.identity,
    partnerships: deps.partnershipDirectory,
    council: councils,
  };
}

/**
 * The caller, if they run the service: the `platform:operator` group in the token and an operator
 * record (read on every request, so an operator removed from the record is refused at once).
 * Operators see the council directory and counts, never a council's data.
 */
export async function requireOperator(
  c: Context<AppEnv>,
  deps: AppDeps,
): Promise<{ sub: string; name: string }> {
  const principal = c.get('principal');
  if (!principal.operator) throw forbidden('Only the service operator can do this');
  const record = await deps.directory.operator(principal.sub);
  if (!record) throw forbidden('Only the service operator can do this');
  return { sub: principal.sub, name: record.name };
}
