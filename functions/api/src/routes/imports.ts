import { createRoute, z } from '@hono/zod-openapi';
import { badRequest, PlanKind } from '@peopleplan/core';
import { ColumnField, MAX_IMPORT_BYTES, ParsedPlan } from '@peopleplan/importer';
import { commitImport, getImport, previewImport } from '@peopleplan/services/imports';
import type { AppDeps } from '../context.js';
import { fieldErrors } from '../errors.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, CouncilParam, errors, ItemId, json } from './common.js';

const TextImport = z.strictObject({
  text: z.string().min(1, 'paste the plan’s text'),
  filename: z.string().max(200).optional(),
  kind: PlanKind.optional(),
  mapping: z.record(z.string(), ColumnField).optional(),
});
const Options = z.object({
  filename: z.string().max(200).optional(),
  kind: PlanKind.optional(),
  mapping: z.record(z.string(), ColumnField).optional(),
});
// The corrected plan is validated in the handler: its schema is recursive (sub-actions), which the
// OpenAPI generator cannot describe inline.
const Commit = z.strictObject({ plan: z.record(z.string(), z.unknown()).optional() });
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
        'Send the plan as multipart/form-data (`file`, optional `kind` and `mapping` as JSON), as the raw file body ' +
        '(`?filename=&kind=`), or as JSON `{ text, filename?, kind?, mapping? }`. Read by content, not by name: ' +
        'tab-separated text, CSV, XLSX or DOCX, up to 10 MB. Nothing is written to the plan until commit.',
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
        options = parseOptions({
          filename: file.name,
          kind: typeof form.kind === 'string' && form.kind ? form.kind : undefined,
          mapping: typeof form.mapping === 'string' && form.mapping ? safeJson(form.mapping) : undefined,
        });
      } else {
        input = Buffer.from(await c.req.arrayBuffer());
        options = parseOptions({ filename: c.req.query('filename'), kind: c.req.query('kind') });
      }
      if (Buffer.byteLength(input) > MAX_IMPORT_BYTES) {
        return c.json(
          { error: { code: 'payload-too-large', message: 'Files over 10 MB cannot be imported' } },
          413,
        );
      }
      return c.json(await previewImport(data, input, options), 201);
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
      request: { params: ImportParams, ...body(Commit) },
      responses: { 200: json(z.unknown()), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      const raw = c.req.valid('json').plan;
      let corrected: ParsedPlan | undefined;
      if (raw) {
        const parsed = ParsedPlan.safeParse(raw);
        if (!parsed.success) throw badRequest('The corrected plan is not valid', fieldErrors(parsed.error));
        corrected = parsed.data;
      }
      const before = await data.imports.get(p.id);
      const result = await commitImport(data, p.id, corrected);
      // The operator's directory counts plans (never reads them): a first commit adds one.
      if (before.record.status !== 'committed') await deps.directory.count(p.c, 'plans', 1);
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
