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
  // Only the repository's own methods, named here, on an object with no prototype: it is never taken for a
  // promise (no `then`) and no private method or other property can be reached through it.
  const directory = Object.create(null) as Record<Method, (...args: unknown[]) => Promise<unknown>>;
  for (const name of PUBLIC_METHODS) {
    directory[name] = async (...args) => {
      const r = await repo();
      return (r[name] as (...a: unknown[]) => unknown).apply(r, args);
    };
  }
  return Object.freeze(directory) as unknown as PartnershipsRepo;
}

type Method = {
  [K in keyof PartnershipsRepo]: PartnershipsRepo[K] extends (...a: never[]) => Promise<unknown> ? K : never;
}[keyof PartnershipsRepo];
/** Every public method of the directory (all async); the type check keeps the list whole. */
const PUBLIC_METHODS = [
  'get',
  'create',
  'removeMember',
  'ids',
  'putReader',
  'getReader',
  'setWeeklyDigest',
  'removeReader',
  'readers',
  'invite',
] as const satisfies readonly Method[];
// A method added to the repository and not listed here fails to compile.
type Missing = Exclude<Method, (typeof PUBLIC_METHODS)[number]>;
const complete: Missing extends never ? true : Missing = true;
void complete;
