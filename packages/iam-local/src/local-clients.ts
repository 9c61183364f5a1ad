import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocClient, type DocFor, TenantCredentialsProvider, tenantDocClients } from '@peopleplan/db';
import { loadAppPolicies, type RoleName } from './app-policies.js';
import { evaluationEnabled } from './environment.js';
import { localTenantCredentials } from './local-sts.js';
import { withIamEvaluation } from './with-iam-evaluation.js';

/**
 * The DynamoDB clients a process uses, the same way as in AWS: its own client (evaluated as its
 * execution role: `api`, `alerts`…) and, per council, a session of the tenant or partner-reader role
 * assumed from that role with the council tag. Every command each sends is checked against the
 * synthesised policies (docs/architecture.md, "Tenant isolation"). With evaluation switched off
 * (PEOPLEPLAN_IAM_EVALUATION=off) the same clients run unchecked.
 */
export async function localIamClients(opts: {
  endpoint: string;
  /** The execution role of the process these clients stand for. */
  role: RoleName;
  env?: NodeJS.ProcessEnv;
}): Promise<{ own: DynamoDBDocumentClient; docFor: DocFor; evaluated: boolean }> {
  const env = opts.env ?? process.env;
  if (!evaluationEnabled(env)) {
    return {
      own: createDocClient({ endpoint: opts.endpoint }),
      docFor: tenantDocClients({ endpoint: opts.endpoint, credentials: new TenantCredentialsProvider() }),
      evaluated: false,
    };
  }
  const policies = await loadAppPolicies();
  const credentials = new TenantCredentialsProvider(
    localTenantCredentials({ policies, sourceRole: opts.role }),
  );
  return {
    own: withIamEvaluation(createDocClient({ endpoint: opts.endpoint }), {
      policies,
      defaultRole: opts.role,
      env,
    }),
    docFor: tenantDocClients({
      endpoint: opts.endpoint,
      credentials,
      wrap: (client) => withIamEvaluation(client, { policies, env }),
    }),
    evaluated: true,
  };
}
