/**
 * `npm run --silent timescale -- [--anchor YYYY-MM-DD] [--period-start YYYY-MM-DD --period-end YYYY-MM-DD]
 * [--calendar-quarters]`: reads one deadline per line on stdin and writes one JSON Timescale per
 * line on stdout, in order (blank lines included, so output lines match input lines).
 * Bad flags: a message on stderr and exit code 2.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fromIso } from './calendar.js';
import { parseTimescale, type TimescaleContext } from './parse.js';

const USAGE =
  'usage: timescale [--anchor YYYY-MM-DD] [--period-start YYYY-MM-DD] [--period-end YYYY-MM-DD] [--calendar-quarters] < lines';

function fail(message: string): never {
  process.stderr.write(`timescale: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function contextFrom(argv: string[]): TimescaleContext {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        anchor: { type: 'string' },
        'period-start': { type: 'string' },
        'period-end': { type: 'string' },
        'calendar-quarters': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const date = (flag: string) => {
    const v = values[flag] as string | undefined;
    if (v !== undefined && !fromIso(v)) fail(`--${flag} must be a real date as YYYY-MM-DD, got "${v}"`);
    return v;
  };
  const anchor = date('anchor');
  const start = date('period-start');
  const end = date('period-end');
  if (start && end && start > end) fail('--period-start is after --period-end');
  const ctx: TimescaleContext = {};
  if (anchor) ctx.anchor = anchor;
  if (start || end) ctx.period = { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  if (values['calendar-quarters']) ctx.calendarQuarters = true;
  return ctx;
}

const ctx = contextFrom(process.argv.slice(2));
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) {
  process.stdout.write(`${JSON.stringify(parseTimescale(line, ctx))}\n`);
}
