/**
 * What the alert job's tests share: a fresh table per use on the run's DynamoDB Local, each council
 * through the job's own IAM-checked sessions (packages/iam-local), and a real SMTP receiver.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CouncilData, createDocClient, type DocFor, DueIndexRepo, tenantContext } from '@peopleplan/db';
import { type MailCatcher, startMailCatcher } from '@peopleplan/devstack';
import { localIamClients } from '@peopleplan/iam-local';
import { createSmtpMailer, withRetry } from '@peopleplan/mail';
import { afterAll, beforeAll, inject } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { plusDays } from './dates.js';
import { mailerSink } from './job.js';
import { alertJobSources } from './run.js';

export const TODAY = '2026-03-10'; // a Tuesday
export const WEB = 'https://peopleplan.example';
export const date = (offset: number) => {
  const d = plusDays(TODAY, offset);
  return { text: `by ${d}`, kind: 'date' as const, due: d, precision: 'day' as const };
};

export let catcher: MailCatcher;
const tables: Array<() => Promise<void>> = [];
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(async () => {
  await catcher.stop();
  for (const drop of tables) await drop();
});

export async function table() {
  const t = await freshTable();
  tables.push(t.drop);
  return { doc: createDocClient({ endpoint: inject('dynamoEndpoint') }), tableName: t.tableName };
}

export const system = (doc: DynamoDBDocumentClient, tableName: string, c: string) =>
  new CouncilData(doc, tableName, tenantContext(c, 'system', { sub: 'system:alerts', name: 'Alerts' }));

/**
 * What the job reads with, as in AWS: the due index and secret lookups through its own role
 * (`alerts`), and each council through a tenant session assumed from it; every command checked
 * against the synthesised policies (packages/iam-local).
 */
let iam: Awaited<ReturnType<typeof localIamClients>>;
beforeAll(async () => {
  iam = await localIamClients({ endpoint: inject('dynamoEndpoint'), role: 'alerts' });
});
export const wired = (
  _seedingClient: DynamoDBDocumentClient,
  tableName: string,
  own: DynamoDBDocumentClient = iam.own,
  docFor: DocFor = iam.docFor,
) => alertJobSources({ tableName, own, docFor });
export const readOutbox = async (doc: DynamoDBDocumentClient, tableName: string) =>
  (await new DueIndexRepo(doc, tableName).outbox()).entries;

export function smtpSink(opts: { onRetry?: () => void } = {}) {
  const mailer = withRetry(createSmtpMailer({ port: catcher.port, from: 'alerts@peopleplan.test' }), {
    attempts: 3,
    backoffMs: 5,
    ...(opts.onRetry ? { onRetry: opts.onRetry } : {}),
  });
  return mailerSink(mailer);
}

/** Messages the catcher received since `from`, by recipient address. */
export const inbox = (from: number) => {
  const out = new Map<string, { subject: string; text: string; html: string }[]>();
  for (const m of catcher.messages().slice(from))
    for (const to of m.envelope.to) out.set(to, [...(out.get(to) ?? []), m]);
  return out;
};
