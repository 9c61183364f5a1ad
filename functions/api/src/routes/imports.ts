import { createRoute, z } from '@hono/zod-openapi';
import { badRequest, IsoDate, londonToday, PlanKind } from '@peopleplan/core';
import { ColumnField, MAX_IMPORT_BYTES, ParsedPlan } from '@peopleplan/importer/schema';
import type { AppDeps } from '../context.js';
import { fieldErrors } from '../errors.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, CouncilParam, ErrorSchema, errors, ItemId, json } from './common.js';

/** Column heading as written → what it is read as (the preview's choices, or a saved mapping). */
export const ColumnChoices = z.record(z.string().max(300), ColumnField);
const options = {
  filename: z.string().max(200).optional(),
  kind: PlanKind.optional(),
  mapping: ColumnChoices.optional(),
  /** "The plan starts on": what relative deadlines ("within 6 months") count from. */
  planStart: IsoDate.optional(),
};
const TextImport = z.strictObject({ text: z.string().min(1, 'paste the plan’s text'), ...options });
const Options = z.object(options);
const LeadChoice = z.union([
  z.strictObject({ personId: ItemId }),
  z.strictObject({ sameAs: z.string().trim().min(1).max(200) }),
]);
// The corrected plan is validated in the handler: its schema is recursive (sub-actions), which the
// OpenAPI generator cannot describe inline.
const Commit = z.strictObject({
  plan: z.record(z.string(), z.unknown()).optional(),
  /** The plan's title, when the one read from the document is not its name. */
  title: z.string().trim().min(1).max(300).optional(),
  /** Keys (`code@where`) of the warnings the person has seen: the preview's `acknowledgements`. */
  acknowledge: z.array(z.string().max(600)).max(200).optional(),
  /** Deadlines corrected in the preview: the date from these words, the plan's wording kept. */
  deadlines: z
    .array(
      z.strictObject({
        path: z
          .array(z.union([z.string().max(40), z.number().int().min(0).max(100_000)]))
          .min(1)
          .max(12),
        text: z.string().trim().min(1).max(200),
      }),
    )
    .max(2000)
    .optional(),
  /** Per new lead label: the person in the directory it is, or another new label it is the same as. */
  people: z.record(z.string().max(200), LeadChoice).optional(),
});
const ImportParams = CouncilParam.extend({ id: ItemId });

/** A body the client sent malformed is their error (400), never ours (500). */
async function readBody<T>(read: () => Promise<T>, what: string): Promise<T> {
  try {
    return await read();
  } catch {
    throw badRequest(`The request body is not valid ${what}`);
  }
}

/**
 * Import a plan: upload (multipart `file`, or the raw file as the body) or paste text (JSON), get a
 * preview with the mapping chosen, deadlines to check and leads not in the directory; then commit.
 */
/**
 * The import service and the readers behind it (Word, PDF, CSV, HTML, YAML) load with the first import
 * request, not at the documents function's cold start (docs/architecture.md, "Cold starts").
 */
const importService = () => import('@peopleplan/services/imports');

export function registerImportRoutes(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/imports',
      operationId: 'previewImport',
      tags: ['Imports'],
      'x-min-role': 'editor',
      summary: 'Preview an import',
      description:
        'Send the plan as multipart/form-data (`file`, optional `kind`, `planStart` and `mapping` as JSON), as the ' +
        'raw file body (`?filename=&kind=&planStart=`), or as JSON `{ text, filename?, kind?, mapping?, planStart? }`. ' +
        'Read by content, not by name: tab-separated text, CSV, XLSX, DOCX or PDF, up to 10 MB. Nothing is written ' +
        'to the plan until commit.',
      request: { params: CouncilParam },
      responses: {
        201: json(z.unknown(), 'The preview'),
        ...errors,
        413: json(z.unknown(), 'Over 10 MB'),
        415: json(z.unknown(), 'Not a format we read'),
        422: json(z.unknown(), 'Readable, but not a plan'),
      },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'editor');
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      let input: Buffer | string;
      let options: z.infer<typeof Options>;
      if (type.startsWith('application/json')) {
        const parsed = TextImport.safeParse(await readBody(() => c.req.json(), 'JSON'));
        if (!parsed.success) throw badRequest('The request is not valid', fieldErrors(parsed.error));
        input = parsed.data.text;
        options = parsed.data;
      } else if (type.startsWith('multipart/form-data')) {
        const form = await readBody(() => c.req.parseBody(), 'multipart form');
        const file = form.file;
        if (!(file instanceof File))
          throw badRequest('Attach the plan as `file`', [{ path: 'file', message: 'required' }]);
        input = Buffer.from(await file.arrayBuffer());
        const field = (name: string) =>
          typeof form[name] === 'string' && form[name] ? form[name] : undefined;
        options = parseOptions({
          filename: file.name,
          kind: field('kind'),
          planStart: field('planStart'),
          mapping: field('mapping') ? safeJson(field('mapping') as string) : undefined,
        });
      } else {
        input = Buffer.from(await c.req.arrayBuffer());
        options = parseOptions({
          filename: c.req.query('filename'),
          kind: c.req.query('kind'),
          planStart: c.req.query('planStart'),
        });
      }
      if (Buffer.byteLength(input) > MAX_IMPORT_BYTES) {
        return c.json(
          { error: { code: 'payload-too-large', message: 'Files over 10 MB cannot be imported' } },
          413,
        );
      }
      const { previewImport } = await importService();
      const today = (deps.today ?? londonToday)();
      return c.json(await previewImport(data, input, { ...options, today }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/imports/{id}',
      operationId: 'getImport',
      tags: ['Imports'],
      summary: 'An import’s preview, or the plan it made once committed',
      'x-min-role': 'editor',
      request: { params: ImportParams },
      responses: { 200: json(z.unknown()), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      const { getImport } = await importService();
      return c.json(await getImport(data, p.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/imports/{id}/commit',
      operationId: 'commitImport',
      tags: ['Imports'],
      'x-min-role': 'editor',
      summary: 'Write the previewed (or corrected) plan. Idempotent: a retry returns the same plan.',
      description:
        'Refused (422, each in `details`) while a warning of the preview that needs acknowledging is not in ' +
        '`acknowledge`. `deadlines` correct deadlines the preview could not read: the date is read from the ' +
        'words given, the plan keeps its own wording. `people` says who new leads are.',
      request: { params: ImportParams, ...body(Commit) },
      responses: {
        200: json(z.unknown()),
        ...errors,
        422: json(ErrorSchema, 'A warning not acknowledged, or a correction with no date'),
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      const { plan: raw, ...rest } = c.req.valid('json');
      let corrected: ParsedPlan | undefined;
      if (raw) {
        const parsed = ParsedPlan.safeParse(raw);
        if (!parsed.success) throw badRequest('The corrected plan is not valid', fieldErrors(parsed.error));
        corrected = parsed.data;
      }
      const { commitImport, importStatus } = await importService();
      const before = await importStatus(data, p.id);
      const result = await commitImport(data, p.id, { ...rest, plan: corrected });
      // The operator's directory counts plans (never reads them): a first commit adds one.
      if (before !== 'committed') await deps.directory.count(p.c, 'plans', 1);
      return c.json(result, 200);
    },
  );
}

function parseOptions(raw: Record<string, unknown>) {
  const r = Options.safeParse(raw);
  if (!r.success) throw badRequest('The import options are not valid', fieldErrors(r.error));
  return r.data;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    throw badRequest('`mapping` must be JSON', [{ path: 'mapping', message: 'not valid JSON' }]);
  }
}
