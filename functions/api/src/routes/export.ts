import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../context.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { CouncilParam, errors } from './common.js';

/**
 * A council takes its data with it: one ZIP of every item (JSON lines, for a restore) and a workbook
 * of each plan. The ZIP is produced as a stream, a page of items at a time. In AWS, where a Lambda
 * behind API Gateway cannot answer more than 6 MB, the deployment sets an exports store: the ZIP is
 * streamed there and the answer is a redirect to a short-lived link; locally it is the response body.
 */
/** The export (and its ZIP writer) loads when a council asks for its data, not at a cold start. */
const exporter = () => import('@peopleplan/services/offboarding');

export function registerExportRoutes(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/councils/{c}/export',
      operationId: 'exportCouncil',
      tags: ['Council'],
      'x-min-role': 'admin',
      summary: 'Everything the council keeps, as one ZIP (JSON lines of every item, a workbook per plan)',
      request: { params: CouncilParam },
      responses: {
        200: {
          description: 'The ZIP',
          content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        303: { description: 'The ZIP is ready at the short-lived link in Location (AWS)' },
        ...errors,
      },
    }),
    async (c) => {
      const councilId = c.req.valid('param').c;
      const data = await councilData(c, deps, councilId, 'admin');
      const today = deps.today?.();
      const filename = `peopleplan-${councilId}-${new Date().toISOString().slice(0, 10)}.zip`;
      const { exportCouncil } = await exporter();
      if (deps.exports) {
        const url = await deps.exports.save(`${councilId}/${filename}`, (write) =>
          exportCouncil(data, write, today ? { today } : {}).then(() => undefined),
        );
        return c.redirect(url, 303);
      }
      const stream = new ReadableStream<Uint8Array>({
        start: async (controller) => {
          try {
            await exportCouncil(data, (chunk) => controller.enqueue(chunk), today ? { today } : {});
            controller.close();
          } catch (e) {
            deps.logger.error('export failed', e as Error);
            controller.error(e);
          }
        },
      });
      return c.body(stream, 200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
      });
    },
  );
}
