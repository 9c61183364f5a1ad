/**
 * Running the bundled Lambda functions as Lambda's Node.js runtime would: each call a fresh process with
 * only the environment given (plus PATH and the region), the AWS SDK from this repository's
 * node_modules as the runtime provides it (test/infra/bundle.test.ts links it beside the assets).
 */
import { execFile, execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { LOCAL_CREDENTIALS } from '../../support/dynamo.js';

const RUNNER = join(dirname(fileURLToPath(import.meta.url)), 'run-bundle.mjs');

const options = (env: Record<string, string>) => ({
  env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-2', ...env },
  encoding: 'utf8' as const,
  timeout: 60_000,
  maxBuffer: 64 * 1024 * 1024,
});

/** run-bundle.mjs on the asset in `dir`; answers its stdout. */
export function runBundle(dir: string, args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, ['--enable-source-maps', RUNNER, dir, ...args], {
    ...options(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The same without blocking this process (which may be serving the function, e.g. its JWKS). */
export async function runBundleAsync(dir: string, args: string[], env: Record<string, string>) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--enable-source-maps', RUNNER, dir, ...args],
    options(env),
  );
  return stdout;
}

/** DynamoDB Local takes any credentials; these are not secrets. */
export const LOCAL_ENV = {
  AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
};

/** A minimal API Gateway HTTP API (payload 2.0) event. */
export function httpEvent(
  method: string,
  path: string,
  opts: { query?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
) {
  const binary = Buffer.isBuffer(opts.body);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: opts.query ?? '',
    headers: { host: 'api.example', 'user-agent': 'bundle-test', ...opts.headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      requestId: 'bundle-test',
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 0,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bundle-test' },
    },
    ...(opts.body !== undefined && {
      body: binary ? (opts.body as Buffer).toString('base64') : (opts.body as string),
    }),
    isBase64Encoded: binary,
  };
}
