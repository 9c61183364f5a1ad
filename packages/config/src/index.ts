import { z } from 'zod';

/**
 * Every process reads its configuration through these schemas at start: a missing or malformed
 * variable stops the process with a message naming it, instead of failing on first use.
 */
export const ApiConfig = z.object({
  STAGE: z.string().default('local'),
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().default('eu-west-2'),
  /** Set locally to DynamoDB Local's URL; unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Token issuer and JWKS: Cognito in AWS, the dev identity provider locally. */
  AUTH_ISSUER: z.url(),
  AUTH_AUDIENCE: z.string().min(1),
  AUTH_JWKS_URI: z.url(),
  /** In AWS: the role the API assumes per council with a session tag (tenant isolation by IAM). */
  TENANT_ROLE_ARN: z.string().optional(),
  PARTNER_ROLE_ARN: z.string().optional(),
  WEB_BASE_URL: z.url().default('http://127.0.0.1:3000'),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** The Cognito user pool members are invited into (AWS; locally the development identity provider's list). */
  USER_POOL_ID: z.string().optional(),
  /**
   * In AWS: the value CloudFront sends in its secret origin header; requests without it are refused
   * (functions/api/src/origin-guard.ts). Unset locally, where there is no CloudFront.
   */
  ORIGIN_VERIFY_SECRET: z.string().min(32).optional(),
  /** In AWS (documents function): where council exports are written (infra/lib/constructs/exports-bucket.ts). */
  EXPORTS_BUCKET: z.string().optional(),
});
export type ApiConfig = z.infer<typeof ApiConfig>;

/** The roles a process assumes to reach one council's data (unset locally: nothing is assumed). */
const TenantRoles = {
  TENANT_ROLE_ARN: z.string().optional(),
  PARTNER_ROLE_ARN: z.string().optional(),
};

/** The daily alert job (infra/lib/stacks/jobs-stack.ts gives it this environment). */
export const AlertJobConfig = z.object({
  STAGE: z.string().default('local'),
  TABLE_NAME: z.string().min(1),
  NOTIFY_QUEUE_URL: z.url(),
  WEB_BASE_URL: z.url(),
  AWS_REGION: z.string().default('eu-west-2'),
  ...TenantRoles,
});
export type AlertJobConfig = z.infer<typeof AlertJobConfig>;

/**
 * The SES bounce handler: finds an address's user in the pool, then marks the member record in each of
 * their councils through that council's tenant session (infra/lib/stacks/jobs-stack.ts).
 */
export const BounceConfig = z.object({
  STAGE: z.string().default('local'),
  TABLE_NAME: z.string().min(1),
  USER_POOL_ID: z.string().min(1),
  AWS_REGION: z.string().default('eu-west-2'),
  TENANT_ROLE_ARN: TenantRoles.TENANT_ROLE_ARN,
});
export type BounceConfig = z.infer<typeof BounceConfig>;

/** The SQS-driven email sender. */
export const NotifierConfig = z.object({
  SENDER_EMAIL: z.string().default(''),
  SES_CONFIGURATION_SET: z.string().optional(),
  AWS_REGION: z.string().default('eu-west-2'),
});
export type NotifierConfig = z.infer<typeof NotifierConfig>;

/** The local stack (`npm start`): the port it listens on, on loopback only (0: any free port). */
export const LocalStackConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
});
export type LocalStackConfig = z.infer<typeof LocalStackConfig>;

/** Logging and metrics, for every process. */
export const LogConfig = z.object({
  STAGE: z.string().default('local'),
  POWERTOOLS_LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT']).optional(),
  VITEST: z.string().optional(),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const r = schema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return r.data;
}
