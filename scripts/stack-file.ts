import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a running `npm start` tells other local commands (`npm run alerts`): `.data/local-stack.json`. */
export interface StackFile {
  pid: number;
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  smtpPort: number;
  mailUrl: string;
}

export const stackFilePath = (dataDir: string) => join(dataDir, 'local-stack.json');

export function writeStackFile(dataDir: string, s: StackFile): void {
  writeFileSync(stackFilePath(dataDir), `${JSON.stringify(s, null, 2)}\n`);
}

export function readStackFile(dataDir: string): StackFile | undefined {
  const path = stackFilePath(dataDir);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StackFile;
  } catch {
    return undefined;
  }
}

export function removeStackFile(dataDir: string, pid = process.pid): void {
  // Only the stack that wrote it removes it (a second `npm start` may have replaced it).
  if (readStackFile(dataDir)?.pid === pid) rmSync(stackFilePath(dataDir), { force: true });
}
