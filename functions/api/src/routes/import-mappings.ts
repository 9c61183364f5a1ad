import { createRoute, z } from '@hono/zod-openapi';
import { MappingsRepo } from '@peopleplan/db';
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
const SaveMapping = z.strictObject({
  name: z.string().trim().min(1, 'give the mapping a name').max(100),
  columns: z
    .record(z.string().max(300), z.enum(COLUMN_FIELDS))
    .refine((c) => Object.keys(c).length <= 200, 'at most 200 columns'),
});
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
      return c.json({ items: await new MappingsRepo(data.store).list() }, 200);
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
      const { mapping, created } = await new MappingsRepo(data.store).save(name, columns);
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
      return c.json(await new MappingsRepo(data.store).remove(p.mappingId), 200);
    },
  );
}
