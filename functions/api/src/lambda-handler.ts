import { createTokenVerifier } from '@peopleplan/auth';
import { ApiConfig, loadConfig } from '@peopleplan/config';
import { createDocClient, TenantCredentialsProvider, tenantDocClients } from '@peopleplan/db';
import { createLogger } from '@peopleplan/observability';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { createApp, type RouteModule } from './app.js';

/**
 * A Lambda handler serving the API with the given route modules. Built once per container: the
 * configuration is validated before the first request is served.
 */
export function createLambdaHandler(serviceName: string, modules: RouteModule[]) {
  const config = loadConfig(ApiConfig);
  const logger = createLogger(serviceName);
  // The function's own role: partnership records only (IAM allows it no council partition).
  const directory = createDocClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const app = createApp(
    {
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
      partnershipDirectory: async () => directory,
    },
    modules,
  );
  const hono = handle(app);
  return (event: APIGatewayProxyEventV2, context: Context) => hono(event as unknown as LambdaEvent, context);
}
