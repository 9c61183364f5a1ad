import { createTokenVerifier } from '@peopleplan/auth';
import { ApiConfig, loadConfig } from '@peopleplan/config';
import { TenantCredentialsProvider } from '@peopleplan/db';
import { createLogger } from '@peopleplan/observability';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { createApp } from './app.js';
import { tenantDocClients } from './doc-clients.js';
import { apiModules } from './modules.js';

// Built once per Lambda container: config is validated before the first request is served.
const config = loadConfig(ApiConfig);
const logger = createLogger('peopleplan-api');
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
      credentials: TenantCredentialsProvider.fromEnv(),
      logger,
    }),
  },
  apiModules,
);
const hono = handle(app);

export const handler = (event: APIGatewayProxyEventV2, context: Context) =>
  hono(event as unknown as LambdaEvent, context);
