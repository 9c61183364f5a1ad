import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PartnershipsRepo } from './partnership-registry.js';

/**
 * The partnership directory, its code loaded with its first use: only partner readers' requests, the
 * operator's and onboarding need it, and every API cold start loaded it (docs/architecture.md, "Cold
 * starts and per-request cost"). Every method of the repository is async, so each call waits for the
 * load; a failed load is tried again on the next call.
 */
export function partnershipDirectoryOnUse(doc: DynamoDBDocumentClient, tableName: string): PartnershipsRepo {
  let loading: Promise<PartnershipsRepo> | undefined;
  const repo = () => {
    loading ??= import('./partnership-registry.js')
      .then((m) => new m.PartnershipsRepo(doc, tableName))
      .catch((e: unknown) => {
        loading = undefined;
        throw e;
      });
    return loading;
  };
  return new Proxy({} as PartnershipsRepo, {
    get:
      (_target, name) =>
      async (...args: unknown[]) => {
        const r = await repo();
        const method = r[name as keyof PartnershipsRepo] as unknown as (...a: unknown[]) => unknown;
        return method.apply(r, args);
      },
  });
}
