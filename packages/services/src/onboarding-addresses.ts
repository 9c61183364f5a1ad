import { EmailAddress, OPERATOR_GROUP, unprocessable } from '@peopleplan/core';
import type { OnboardingDeps } from './onboarding.js';

/**
 * Every address given here is mailed (Cognito's invitation, alerts, partner digests). The API checks
 * its input already; the operator's command line comes straight here, so the service checks too: 'a@x,
 * b@y' would be mailed as two recipients by SMTP, and a line break or a display name is no address.
 */
export function assertOneAddress(email: string, path: string): void {
  if (!EmailAddress.safeParse(email).success)
    throw unprocessable(`${JSON.stringify(email)} is not one email address.`, [
      { path, message: 'must be one email address' },
    ]);
}

/**
 * Operators never see a council's plans: they cannot be made a council's members, nor read plans
 * through a partnership. Refused (422) however a council admin or operator asks.
 */
export async function assertNotOperator(
  deps: OnboardingDeps,
  email: string,
  what: string,
  /** The field that gave the email, for the form to point at. */
  path?: string,
): Promise<void> {
  const existing = await deps.identity.findUser(email);
  if (existing && (existing.groups.includes(OPERATOR_GROUP) || (await deps.directory.operator(existing.sub))))
    throw unprocessable(
      `${email} is a service operator: operators cannot be ${what} (they never see council plans).`,
      path ? [{ path, message: 'is a service operator' }] : undefined,
    );
}
