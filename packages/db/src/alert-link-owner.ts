import { sk } from './keys.js';
import { hashSecret } from './secret-links.js';
import type { TenantStore } from './store.js';

/**
 * The person an alert email's preferences link belongs to in this council (after its lookup named this
 * council), if the link is the council's own and has not lapsed. On its own, so the page behind the link
 * does not load the alert ledger (alerts.ts) with every API cold start.
 */
export async function alertLinkOwner(
  store: TenantStore,
  token: string,
  now: Date = new Date(),
): Promise<string | undefined> {
  const link = await store.getRaw(sk.alertLink(hashSecret(token)));
  if (typeof link?.personId !== 'string') return undefined;
  if (typeof link.expiresAt === 'number' && link.expiresAt * 1000 <= now.getTime()) return undefined;
  return link.personId;
}
