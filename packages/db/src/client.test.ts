import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocClient, SDK_LOGGER_MIDDLEWARE } from './client.js';

const named = (names: string[]) => names.map((n) => n.split(' ')[0]);

describe('createDocClient', () => {
  it('leaves out the SDK’s logger middleware, which copies every response for a logger that drops it', () => {
    // The SDK still names it so: were it renamed, removing it would silently do nothing.
    expect(named(new DynamoDBClient({ region: 'eu-west-2' }).middlewareStack.identify())).toContain(
      SDK_LOGGER_MIDDLEWARE,
    );
    const doc = createDocClient({ region: 'eu-west-2' });
    expect(named(doc.middlewareStack.identify())).not.toContain(SDK_LOGGER_MIDDLEWARE);
    // The rest of the stack (signing, retries, serialisation) is untouched.
    expect(named(doc.middlewareStack.identify())).toEqual(
      expect.arrayContaining(['retryMiddleware', 'httpSigningMiddleware']),
    );
  });
});
