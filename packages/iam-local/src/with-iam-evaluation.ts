/**
 * IAM on a DynamoDB client: every command is authorized against the synthesised policies of the role
 * that signs it before anything is sent, and a refusal comes back as DynamoDB's own 400 response.
 *
 * The middleware sits in the `deserialize` step, right after the SDK's deserializer (innermost, just
 * before the HTTP handler), because there:
 * - `args.input` is the wire form: lib-dynamodb's `DocumentMarshall` (serialize step) has already turned
 *   plain values into AttributeValues, so Document and raw clients look the same;
 * - the signing identity is resolved (`httpAuthSchemeMiddleware`, serialize step), so the session that
 *   really signs the request is the one evaluated;
 * - a refusal is returned as an HTTP response that the SDK's deserializer parses and its retry strategy
 *   sees, exactly as if DynamoDB had answered, so callers get the same AccessDeniedException object as in
 *   AWS, and the request never reaches the network (nothing is written).
 */
import {
  type AwsCredentialIdentity,
  type DeserializeHandlerArguments,
  type DeserializeMiddleware,
  type HandlerExecutionContext,
  type MiddlewareStack,
  SMITHY_CONTEXT_KEY,
} from '@smithy/types';
import type { AppPolicies, RoleName } from './app-policies.js';
import { type DynamoErrorType, dynamoErrorResponse } from './aws-errors.js';
import { type DynamoInput, dynamoAuthorizations } from './dynamodb-requests.js';
import { evaluationEnabled, PROCESS_SESSION_NAME } from './environment.js';
import { authorize, type Decision, type SessionPrincipal } from './evaluate.js';
import { defaultSessions, type SessionRegistry } from './local-sts.js';

export interface IamEvaluationOptions {
  policies: AppPolicies;
  /**
   * The role requests are evaluated as when their credentials are not a local STS session: the
   * process's own identity (for the API function's own client, `api`). Without it such requests fail
   * as AWS fails unknown credentials (UnrecognizedClientException).
   */
  defaultRole?: RoleName;
  /** Maps credentials to a principal before the session registry and defaultRole are consulted. */
  principalFor?: (credentials: AwsCredentialIdentity) => SessionPrincipal | undefined;
  sessions?: SessionRegistry;
  /** Read for PEOPLEPLAN_IAM_EVALUATION (default process.env). */
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  /** Sees every decision (allowed or not), e.g. to log or count them. */
  onDecision?: (decision: Decision, command: string) => void;
}

/** Anything with an SDK v3 middleware stack: DynamoDBClient or DynamoDBDocumentClient (they share one). */
export interface HasMiddlewareStack {
  // biome-ignore lint/suspicious/noExplicitAny: the stack's input/output types differ per client.
  middlewareStack: MiddlewareStack<any, any>;
}

export const MIDDLEWARE_NAME = 'peopleplanIamEvaluation';

type Who = { principal: SessionPrincipal } | { error: DynamoErrorType; message: string };

function principalOf(identity: AwsCredentialIdentity | undefined, o: IamEvaluationOptions): Who {
  const custom = identity && o.principalFor?.(identity);
  if (custom) return { principal: custom };
  const session = identity && (o.sessions ?? defaultSessions).get(identity.accessKeyId);
  if (session) {
    if (session.expiration.getTime() <= (o.now ?? Date.now)()) {
      return {
        error: 'ExpiredTokenException',
        message: 'The security token included in the request is expired',
      };
    }
    return { principal: session.principal };
  }
  if (o.defaultRole)
    return { principal: { role: o.defaultRole, sessionName: PROCESS_SESSION_NAME, tags: {} } };
  return {
    error: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  };
}

/** Authorizes one command (already marshalled) for a principal: one decision per IAM check it needs. */
export async function evaluateCommand(
  policies: AppPolicies,
  principal: SessionPrincipal,
  command: string,
  input: DynamoInput,
): Promise<Decision[]> {
  const schema = policies.tableSchema();
  const requests = dynamoAuthorizations(command, input, {
    table: () => schema,
    attributes: policies.conditionKeys.has('dynamodb:attributes'),
  });
  const decisions: Decision[] = [];
  for (const r of requests) {
    const d = await authorize(policies, principal, r);
    decisions.push(d);
    if (!d.allowed) break; // AWS stops at the first refusal too: the call fails whole
  }
  return decisions;
}

/**
 * Adds the evaluating middleware to `client` (returned as is). With PEOPLEPLAN_IAM_EVALUATION=off it
 * adds nothing. Adding it twice replaces the first.
 */
export function withIamEvaluation<C extends HasMiddlewareStack>(client: C, options: IamEvaluationOptions): C {
  if (!evaluationEnabled(options.env)) return client;
  const middleware: DeserializeMiddleware<object, object> =
    (next, context: HandlerExecutionContext) => async (args: DeserializeHandlerArguments<object>) => {
      const command = String(context.commandName ?? '').replace(/Command$/, '');
      const smithy = context[SMITHY_CONTEXT_KEY] as
        | { selectedHttpAuthScheme?: { identity?: AwsCredentialIdentity } }
        | undefined;
      const who = principalOf(smithy?.selectedHttpAuthScheme?.identity, options);
      if ('error' in who) return { response: dynamoErrorResponse(who.error, who.message) };
      for (const d of await evaluateCommand(
        options.policies,
        who.principal,
        command,
        args.input as DynamoInput,
      )) {
        options.onDecision?.(d, command);
        if (!d.allowed) return { response: dynamoErrorResponse('AccessDeniedException', d.message!) };
      }
      return next(args);
    };
  client.middlewareStack.addRelativeTo(middleware, {
    name: MIDDLEWARE_NAME,
    relation: 'after',
    toMiddleware: 'deserializerMiddleware',
    override: true,
  });
  return client;
}
