import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the DynamoDB Local jar ships: inside the npm package `amplify-dynamodb-simulator`. */
function emulatorDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** A small launcher that binds DynamoDB Local to 127.0.0.1 (its own has no option for that). */
const LAUNCHER = fileURLToPath(new URL('../java/LoopbackDynamoDB.java', import.meta.url));

/**
 * Start DynamoDB Local on 127.0.0.1 only. `dbPath` keeps data on disk (npm start); without it the data
 * lives in memory (tests).
 */
export async function startDynamoDbLocal(
  opts: { dbPath?: string; port?: number } = {},
): Promise<DynamoDbLocal> {
  const dir = emulatorDir();
  const port = opts.port ?? (await freePort());
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xmx1g',
    '-cp',
    [join(dir, 'DynamoDBLocal.jar'), join(dir, 'DynamoDBLocal_lib', '*')].join(delimiter),
    // Java 11+ runs a single source file directly: no build step, nothing compiled is committed.
    LAUNCHER,
    '-disableTelemetry',
    '-port',
    String(port),
  ];
  if (opts.dbPath) {
    mkdirSync(opts.dbPath, { recursive: true });
    args.push('-sharedDb', '-dbPath', opts.dbPath);
  } else {
    args.push('-sharedDb', '-inMemory');
  }
  const child: ChildProcess = spawn('java', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (b: Buffer) => {
    output += b.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilListening(endpoint, child, () => output);
  child.stdout?.off('data', collect);
  child.stderr?.off('data', collect);
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

async function waitUntilListening(
  endpoint: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`DynamoDB Local exited (${child.exitCode}). Is Java 17+ installed?\n${output()}`);
    }
    try {
      // Any HTTP answer means it is up (it answers 400 to a bare POST).
      await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`DynamoDB Local did not start within 60 s\n${output()}`);
}
