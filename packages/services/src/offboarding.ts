import { conflict, londonToday, notFound } from '@peopleplan/core';
import type { CouncilData, Item } from '@peopleplan/db';
import { renderReport } from '@peopleplan/reports';
import { Zip, ZipDeflate } from 'fflate';
import type { Actor, OnboardingDeps } from './onboarding.js';
import { loadReport } from './reporting.js';
import { endSessionsIfNothingLeft } from './sessions.js';

/**
 * A council takes its data with it: one ZIP holding every item of its partition as JSON lines (what a
 * restore reads back: infra/README.md) and a workbook of each plan (what a person opens). Written as a
 * stream, a page of items at a time, so a council of 50,000 items fits in a Lambda's memory.
 */
export async function exportCouncil(
  data: CouncilData,
  write: (chunk: Uint8Array) => void | Promise<void>,
  opts: { today?: string } = {},
): Promise<{ items: number; plans: number }> {
  const pending: Uint8Array[] = [];
  let failed: Error | undefined;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const zip = new Zip((err, chunk, final) => {
    if (err) failed = err;
    else pending.push(chunk);
    if (final || err) finished();
  });
  const flush = async () => {
    if (failed) throw failed;
    while (pending.length) await write(pending.shift()!);
  };
  const text = new TextEncoder();

  const readme = new ZipDeflate('README.txt', { level: 6 });
  zip.add(readme);
  readme.push(
    text.encode(
      `PeoplePlan export of ${data.ctx.councilId}, ${new Date().toISOString()}.\n\n` +
        'items.jsonl: every record of the council, one JSON object a line, exactly as stored (PK, SK and type\n' +
        'say what each is). plans/: each plan as a workbook of its actions and milestones.\n',
    ),
    true,
  );

  const items = new ZipDeflate('items.jsonl', { level: 6 });
  zip.add(items);
  let count = 0;
  const plans: Item[] = [];
  for await (const page of data.store.partitionPages()) {
    const lines = page.map((i) => JSON.stringify(i, jsonSafe)).join('\n');
    items.push(text.encode(`${count ? '\n' : ''}${lines}`));
    count += page.length;
    for (const i of page) if (i.type === 'plan') plans.push(i);
    await flush();
  }
  items.push(new Uint8Array(), true);
  await flush();

  const today = opts.today ?? londonToday();
  const used = new Set<string>();
  for (const p of plans) {
    const { data: reportData } = await loadReport(data, String(p.id), 'year-end', today);
    const report = await renderReport(reportData, 'xlsx');
    let name = report.filename.replace(/\.xlsx$/, '');
    while (used.has(name)) name += '-2';
    used.add(name);
    const file = new ZipDeflate(`plans/${name}.xlsx`, { level: 0 });
    zip.add(file);
    file.push(new Uint8Array(report.body as Buffer), true);
    await flush();
  }
  zip.end();
  await done;
  await flush();
  return { items: count, plans: plans.length };
}

/** Binary attributes (an import preview's gzip) as base64, so every line is plain JSON. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { $binary: Buffer.from(value).toString('base64') };
  if (value instanceof Set) return [...value];
  return value;
}

export interface ErasePlan {
  councilId: string;
  /** Items of the council's partition by type: what an erase removes. */
  byType: Record<string, number>;
  total: number;
  /** Partnerships it is a member of (its membership there is removed too). */
  partnerships: string[];
  members: number;
}

/** What erasing a council would remove, counted: the operator's dry run. */
export async function planErase(deps: OnboardingDeps, councilId: string): Promise<ErasePlan> {
  const entry = await deps.directory.council(councilId);
  if (!entry) throw notFound('Council');
  if (entry.status === 'deleted') throw conflict(`${entry.name} (${councilId}) has already been erased.`);
  const data = await deps.council(councilId);
  const byType: Record<string, number> = {};
  let total = 0;
  for await (const page of data.store.partitionPages()) {
    for (const i of page) byType[String(i.type)] = (byType[String(i.type)] ?? 0) + 1;
    total += page.length;
  }
  const partnerships = [];
  for (const id of await deps.partnerships.ids()) {
    const p = await deps.partnerships.get(id);
    if (p?.memberCouncilIds.includes(councilId)) partnerships.push(id);
  }
  return { councilId, byType, total, partnerships, members: byType.member ?? 0 };
}

/**
 * Erase a council for good (after its export): every item of its partition (index entries go with
 * them), its place in partnerships, its members' sign-in groups, and its directory entry, which stays
 * as `deleted` so the id is never reused. Recorded in the operator's audit trail.
 */
export async function eraseCouncil(
  deps: OnboardingDeps,
  councilId: string,
  actor: Actor,
): Promise<ErasePlan> {
  const plan = await planErase(deps, councilId);
  const data = await deps.council(councilId);
  const members = await data.members.list();
  for (const id of plan.partnerships) await deps.partnerships.removeMember(id, councilId);
  for (const m of members) {
    await deps.identity.removeFromGroup(m.userSub, `council:${councilId}:${m.role}`);
    await endSessionsIfNothingLeft(deps.identity, m.email);
  }
  // Pages are read and deleted until the partition is empty (deleting while paging would skip items).
  // Feed and alert-link secrets also have lookups outside the partition (S#<hash>): those go too.
  for (;;) {
    const keys: string[] = [];
    const secrets: string[] = [];
    for await (const page of data.store.partitionPages()) {
      keys.push(...page.map((i) => String(i.SK)));
      for (const i of page) if (typeof i.tokenHash === 'string') secrets.push(i.tokenHash);
      if (keys.length >= 5000) break;
    }
    if (!keys.length) break;
    for (const hash of new Set(secrets)) await deps.directory.secretLinks.remove(hash);
    await data.store.deleteKeys(keys);
  }
  await deps.directory.setStatus(councilId, 'deleted');
  await deps.directory.audit({
    actorSub: actor.sub,
    actorName: actor.name,
    operation: 'delete-council',
    target: councilId,
    detail: { byType: plan.byType, total: plan.total, partnerships: plan.partnerships },
  });
  return plan;
}
