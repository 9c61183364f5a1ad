import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RenderedEmail } from './render.js';

export interface FailedDigest {
  at: string;
  runId: string;
  error: string;
  /** The whole email, so it can be read or resent by hand: nothing is lost. */
  email: RenderedEmail;
  /** The alert records left in state `failed` (the next run tries them again). */
  alerts: string[];
}

/** Where an email that could not be sent after its retries is kept (locally; AWS uses the DLQ). */
export interface FailureLog {
  record(f: FailedDigest): Promise<void>;
}

/** One JSON line per failed email, e.g. `.data/alert-failures.jsonl`. */
export function fileFailureLog(path: string): FailureLog {
  return {
    async record(f) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify(f)}\n`, 'utf8');
    },
  };
}

export function memoryFailureLog(): FailureLog & { entries: FailedDigest[] } {
  const entries: FailedDigest[] = [];
  return {
    entries,
    async record(f) {
      entries.push(f);
    },
  };
}
