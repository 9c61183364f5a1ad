import { createRoute, z } from '@hono/zod-openapi';
import { COLUMN_FIELDS } from '@peopleplan/importer/column-fields';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, CouncilParam, conflictError, ErrorSchema, errors, ItemId, json, listOf } from './common.js';

const SavedMapping = z.object({
  id: z.string(),
  name: z.string(),
  columns: z.record(z.string(), z.string()),
  createdBy: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/**
 * Each heading as the request wrote it, before the record is read (which would leave "__proto__" out
 * unsaid and keep one of two headings that differ only in spaces): not blank, not too long, not twice.
 */
const headingProblems = (columns: unknown, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  for (const raw of columns && typeof columns === 'object' ? Object.keys(columns) : []) {
    const heading = raw.trim();
    const problem = !heading
      ? 'a column heading cannot be blank'
      : heading.length > 300
        ? 'a column heading can be at most 300 characters'
        : heading === '__proto__'
          ? '“__proto__” cannot be a column heading'
          : seen.has(heading) && `the heading “${heading}” is there twice`;
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [raw] });
    seen.add(heading);
  }
  return columns;
};
const SaveMapping = z.strictObject({
  name: z.string().trim().min(1, 'give the mapping a name').max(100),
  columns: z.preprocess(
    headingProblems,
    z
      .record(z.string().trim().min(1).max(300), z.enum(COLUMN_FIELDS))
      .refine((c) => Object.keys(c).length <= 200, 'at most 200 columns'),
  ),
});
/** The repository loads with the first request about mappings (docs/architecture.md, section 9). */
const mappings = async (store: import('@peopleplan/db').TenantStore) =>
  new (await import('@peopleplan/db/mappings')).MappingsRepo(store);
const MappingParams = CouncilParam.extend({ mappingId: ItemId });

/**
 * A council's saved column mappings (issue 15): saved from an import's preview by name, offered on the
 * next import. Saving under a name already used replaces that mapping (MappingsRepo). Served by the API
 * function: no document library is needed (only the list of fields, not the importer).
 */
export function registerImportMappingRoutes(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/import-mappings',
      operationId: 'listImportMappings',
      tags: ['Imports'],
      'x-min-role': 'editor',
      summary: 'The column mappings this council saved, by name',
      request: { params: CouncilParam },
      responses: { 200: json(listOf(SavedMapping)), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'editor');
      return c.json({ items: await (await mappings(data.store)).list() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/councils/{c}/import-mappings',
      operationId: 'saveImportMapping',
      tags: ['Imports'],
      'x-min-role': 'editor',
      summary: 'Save a column mapping by name (replaces the one with that name, if any)',
      request: { params: CouncilParam, ...body(SaveMapping) },
      responses: {
        200: json(SavedMapping, 'Replaced the mapping of that name'),
        201: json(SavedMapping, 'Saved'),
        ...errors,
        ...conflictError,
        422: json(ErrorSchema, 'The council keeps as many mappings as it may'),
      },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'editor');
      const { name, columns } = c.req.valid('json');
      const { mapping, created } = await (await mappings(data.store)).save(name, columns);
      return created ? c.json(mapping, 201) : c.json(mapping, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/councils/{c}/import-mappings/{mappingId}',
      operationId: 'deleteImportMapping',
      tags: ['Imports'],
      'x-min-role': 'editor',
      summary: 'Delete a saved column mapping',
      request: { params: MappingParams },
      responses: { 200: json(SavedMapping, 'Deleted'), ...errors, ...conflictError },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'editor');
      return c.json(await (await mappings(data.store)).remove(p.mappingId), 200);
    },
  );
}
