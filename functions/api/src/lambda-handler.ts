import { cognitoIdentityAdmin, createTokenVerifier } from '@peopleplan/auth';
import { ApiConfig, loadConfig } from '@peopleplan/config';
import { createDocClient, DirectoryRepo, TenantCredentialsProvider, tenantDocClients } from '@peopleplan/db';
import { partnershipDirectoryOnUse } from '@peopleplan/db/partnership-directory';
import { createLogger, METRIC } from '@peopleplan/observability';
import { countHandledError, createMetrics, MetricUnit } from '@peopleplan/observability/metrics';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { createApp, wholeDocument } from './app.js';
import type { AppDeps } from './context.js';
import { groupDispatch } from './group-dispatch.js';
import { ROUTE_GROUPS, routeModules } from './routes/index.js';
import { s3Exports } from './s3-exports.js';
import type { ServedBy } from './types.js';

/**
 * A Lambda handler serving the API with the route groups of one function. Built once per container: the
 * configuration is validated before the first request is served. Each request loads only the route
 * groups that serve its path (group-dispatch.ts), once per container.
 */
export async function createLambdaHandler(serviceName: string, servedBy: ServedBy) {
  const config = loadConfig(ApiConfig);
  const logger = createLogger(serviceName);
  const metrics = createMetrics(serviceName);
  // The function's own role: the partnership and council directories only (IAM allows it no council partition).
  const directory = createDocClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const deps: AppDeps = {
    config,
    logger,
    verifier: createTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwksUri: config.AUTH_JWKS_URI,
    }),
    docFor: tenantDocClients({
      region: config.AWS_REGION,
      endpoint: config.DYNAMODB_ENDPOINT,
      credentials: TenantCredentialsProvider.fromConfig(config),
      logger,
    }),
    partnershipDirectory: partnershipDirectoryOnUse(directory, config.TABLE_NAME),
    directory: new DirectoryRepo(directory, config.TABLE_NAME),
    identity: cognitoIdentityAdmin(config.AWS_REGION, config.USER_POOL_ID ?? ''),
    // Exports go to the exports bucket and answer a link (documents function only: infra api-stack.ts).
    ...(config.EXPORTS_BUCKET && {
      exports: s3Exports({ bucket: config.EXPORTS_BUCKET, region: config.AWS_REGION }),
    }),
    onHandledError: (e) => countHandledError(metrics, e),
    onServerError: () => metrics.addMetric(METRIC.serverErrorResponse, MetricUnit.Count, 1),
  };
  // The API function serves /api/v1/openapi.json: the whole document, documents' routes included.
  const opts = servedBy === 'api' ? { document: wholeDocument(deps, () => routeModules()) } : {};
  const dispatch = groupDispatch(
    ROUTE_GROUPS.filter((g) => g.servedBy === servedBy),
    (modules) => handle(createApp(deps, modules, opts)),
  );
  return async (event: APIGatewayProxyEventV2, context: Context) => {
    try {
      const hono = await dispatch.appFor(event.requestContext.http.method, event.rawPath);
      return await hono(event as unknown as LambdaEvent, context);
    } finally {
      // Written to the log as embedded metrics: no API call on the request's path.
      metrics.publishStoredMetrics();
    }
  };
}
