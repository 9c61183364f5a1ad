/**
 * Refusals in AWS's own shapes. DynamoDB refusals are built as the HTTP response DynamoDB sends, so the
 * SDK's own error parsing turns them into the exception an application would catch in AWS (`name`,
 * `__type`, `$fault`, `$metadata.httpStatusCode`, `message`); STS refusals are the SDK's STS exception.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { STSServiceException } from '@aws-sdk/client-sts';

export type DynamoErrorType =
  | 'AccessDeniedException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException';

export interface FakeHttpResponse {
  statusCode: number;
  reason: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

const requestId = (length: number) =>
  randomBytes(length)
    .toString('base64')
    .replace(/[^A-Z0-9]/gi, '')
    .toUpperCase()
    .padEnd(length, 'A')
    .slice(0, length);

/** The 400 DynamoDB answers with; the request never left the process. */
export function dynamoErrorResponse(type: DynamoErrorType, message: string): FakeHttpResponse {
  // DynamoDB writes `Message` for AccessDeniedException and `message` for the token errors.
  const messageKey = type === 'AccessDeniedException' ? 'Message' : 'message';
  const body = JSON.stringify({ __type: `com.amazon.coral.service#${type}`, [messageKey]: message });
  return {
    statusCode: 400,
    reason: 'Bad Request',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': requestId(52),
      'content-length': String(Buffer.byteLength(body)),
    },
    body: new TextEncoder().encode(body),
  };
}

/** STS's refusal of AssumeRole or TagSession (query protocol: code `AccessDenied`, HTTP 403). */
export function stsAccessDenied(message: string): STSServiceException {
  const e = new STSServiceException({
    name: 'AccessDenied',
    $fault: 'client',
    $metadata: { httpStatusCode: 403, requestId: randomUUID(), attempts: 1, totalRetryDelay: 0 },
    message,
  });
  return Object.assign(e, { Type: 'Sender', Code: 'AccessDenied' });
}

export function stsValidationError(message: string): STSServiceException {
  const e = new STSServiceException({
    name: 'ValidationError',
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: randomUUID(), attempts: 1, totalRetryDelay: 0 },
    message,
  });
  return Object.assign(e, { Type: 'Sender', Code: 'ValidationError' });
}
