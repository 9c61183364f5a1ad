import { gunzipSync, gzipSync } from 'node:zlib';
import { DomainError } from '@peopleplan/core';
import type { ReadConsistency } from './consistency.js';
import { sk } from './keys.js';
import type { TenantStore } from './store.js';

/**
 * A closed period's report, frozen (docs/architecture.md, "Historic means historic"): the report model
 * as its report showed it at closing, gzip JSON, cut into parts of at most `FROZEN_PART_BYTES` under
 * `FROZEN#<p>#<periodKey>#nnn`, written in the same transaction as the snapshot header. A closed
 * period's report is rendered from these bytes alone.
 */

/** Bytes of gzip per part: well inside DynamoDB's 400 KB item limit. */
export const FROZEN_PART_BYTES = 300_000;
/** A transaction carries at most 4 MB: a frozen report larger than this cannot be closed in one. */
const MAX_FROZEN_BYTES = 3_000_000;

export interface FrozenInfo {
  parts: number;
  /** Gzip bytes in all. */
  bytes: number;
}

/** The gzip JSON of a model, cut into parts; 413 if it could never fit one transaction. */
export function freezeModel(model: unknown, partBytes = FROZEN_PART_BYTES): Uint8Array[] {
  const zipped = gzipSync(JSON.stringify(model));
  if (zipped.length > MAX_FROZEN_BYTES) {
    throw new DomainError(
      'payload-too-large',
      'This plan’s report is too large to freeze in one go: split the plan into smaller plans',
    );
  }
  const parts: Uint8Array[] = [];
  for (let i = 0; i < zipped.length; i += partBytes) parts.push(zipped.subarray(i, i + partBytes));
  return parts;
}

/** The puts of a frozen report's parts (new items: a frozen report is never overwritten). */
export function frozenPuts(store: TenantStore, planId: string, periodKey: string, parts: Uint8Array[]) {
  return parts.map((data, n) =>
    store.putNew(sk.frozenReport(planId, periodKey, n), 'frozen-report', {
      planId,
      periodKey,
      part: n,
      data,
    }),
  );
}

/** Deletes of a frozen report's parts (reopening a period). */
export function frozenDeletes(store: TenantStore, planId: string, periodKey: string, parts: number) {
  return Array.from({ length: parts }, (_, n) => ({
    Delete: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK: sk.frozenReport(planId, periodKey, n) },
    },
  }));
}

/** The frozen model of a closed period, or undefined when none was kept (closed before reports froze). */
export async function readFrozenModel(
  store: TenantStore,
  planId: string,
  periodKey: string,
  info: FrozenInfo | undefined,
  read?: ReadConsistency,
): Promise<unknown | undefined> {
  if (!info?.parts) return undefined;
  const prefix = sk.frozenReportPrefix(planId, periodKey);
  const types = ['frozen-report'];
  let items = await store.queryAll<{ part: number; data: Uint8Array }>(prefix, { types, ...read });
  // The parts land with the period's header in one transaction: an eventual read just after the
  // close may not see them all yet, so it reads them again, strongly.
  if (items.length !== info.parts) items = await store.queryAll(prefix, { types });
  const parts = items.sort((a, b) => a.part - b.part);
  if (parts.length !== info.parts) {
    throw new Error(`frozen report ${planId}/${periodKey}: ${parts.length} of ${info.parts} parts`);
  }
  return JSON.parse(gunzipSync(Buffer.concat(parts.map((p) => p.data))).toString('utf8'));
}
