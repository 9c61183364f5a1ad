import { Timescale } from '@peopleplan/core';
import { addDays, addMonths, format, lastDayOfMonth } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.js';
import { parseTimescale, type TimescaleContext } from './parse.js';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const day0 = new Date(1990, 0, 1);
const isoDay = fc.integer({ min: 0, max: 60 * 366 }).map((n) => iso(addDays(day0, n)));

const context: fc.Arbitrary<TimescaleContext> = fc
  .record(
    {
      anchor: isoDay,
      period: fc
        .tuple(isoDay, fc.integer({ min: 0, max: 6 * 366 }))
        .map(([start, len]) => ({ start, end: iso(addDays(new Date(`${start}T00:00:00`), len)) })),
      calendarQuarters: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .map((c) => c as TimescaleContext);

const MONTH_NAMES = [
  'January',
  'Feb',
  'March',
  'Apr',
  'May',
  'June',
  'Jul',
  'August',
  'Sept',
  'Oct',
  'November',
  'Dec',
];
/** Words and pieces councils put in deadline cells, to stir into random cells. */
const TOKENS = [
  ...MONTH_NAMES,
  'march',
  'may',
  '2004',
  '2013',
  '2014',
  '1999',
  '2150',
  '08',
  "'13",
  '13',
  '31',
  '1st',
  '2 nd',
  '0',
  '12',
  '2013/14',
  '2004 \u201305',
  'FY13/14',
  'FY2014',
  '2005/6',
  '03/04/05',
  '31/03/2014',
  '31.3.14',
  '2014-02-30',
  'Q1',
  'Q4',
  'Q1-Q2',
  'quarter',
  'Spring',
  'Winter',
  'term',
  'year',
  'one',
  'end',
  'of',
  'mid',
  'early',
  'late',
  'start of',
  'by',
  'to',
  '-',
  '\u2013',
  '/',
  '.',
  ',',
  'and',
  'between',
  'from',
  'onwards',
  'into',
  'after',
  'Ongoing',
  'Completed',
  'complete',
  'TBC',
  'Monthly',
  'Quarterly',
  'each',
  'every',
  'Bi-annually',
  'Within',
  'next',
  '3',
  '6-12',
  '½',
  'months',
  'weeks',
  'working days',
  'hours',
  'Immediate',
  'Short term',
  'Post restructuring',
  'subject to',
  'Phase 2',
  'N/A',
  'As above',
  'In Progress',
  '(',
  ')',
  'Review',
  'staff',
];
const separator = fc.constantFrom(' ', ' ', ' ', '', '  ', ', ', '-', '\u00a0');
const cell = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), separator), { maxLength: 8 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 700 }),
  cell,
);

const runs = { numRuns: 1500 };

describe('parseTimescale invariants', () => {
  it('never throws, always satisfies the core schema and echoes the text', () => {
    fc.assert(
      fc.property(anyText, context, (text, ctx) => {
        const t = parseTimescale(text, ctx);
        expect(Timescale.safeParse(t).success).toBe(true);
        if (text.length <= 500) expect(t.text).toBe(text);
        else expect(text.startsWith(t.text)).toBe(true);
      }),
      runs,
    );
  });

  it('starts no later than it is due, and dates and ranges always have a due date', () => {
    fc.assert(
      fc.property(cell, context, (text, ctx) => {
        const t = parseTimescale(text, ctx);
        if (t.start && t.due) expect(t.start <= t.due).toBe(true);
        if (t.kind === 'date' || t.kind === 'range') expect(t.due).toBeDefined();
        if (t.kind === 'unparsed') expect(t.note).toBeTruthy();
        if (t.kind === 'event') expect(t.due).toBeUndefined();
      }),
      runs,
    );
  });

  it('puts each precision on the right kind of day', () => {
    fc.assert(
      fc.property(cell, context, (text, ctx) => {
        const t = parseTimescale(text, ctx);
        if (!t.due || !t.precision) return;
        const due = new Date(`${t.due}T00:00:00`);
        const lastDay = iso(lastDayOfMonth(due)) === t.due;
        const mmdd = t.due.slice(5);
        switch (t.precision) {
          case 'month':
            expect(lastDay).toBe(true);
            break;
          case 'financial-year':
            expect(mmdd).toBe('03-31');
            break;
          case 'year':
            expect(mmdd).toBe('12-31');
            break;
          case 'quarter':
            expect(lastDay && [2, 5, 8, 11].includes(due.getMonth())).toBe(true);
            break;
          case 'season':
            expect(lastDay && [1, 4, 7, 10].includes(due.getMonth())).toBe(true);
            break;
        }
      }),
      runs,
    );
  });

  it('reads the same dates when the cell is wrapped in HTML or its spaces are mangled', () => {
    const wrap = fc.constantFrom(
      ['<p>', '</p>'],
      ['  ', '\u00a0'],
      ['<td><span style="x">', '</span></td>'],
      ['&nbsp;', '\r\n'],
    );
    const space = fc.constantFrom(' ', '  ', '\u00a0', '\t', ' &nbsp; ', '\u2009');
    fc.assert(
      fc.property(cell, context, wrap, space, (text, ctx, [open, close], sp) => {
        const plain = parseTimescale(text, ctx);
        const messy = parseTimescale(`${open}${text.replace(/ /g, sp)}${close}`, ctx);
        const { text: _a, ...p } = plain;
        const { text: _b, ...m } = messy;
        expect(m).toEqual(p);
      }),
      runs,
    );
  });

  it('normalising twice changes nothing (text without entities)', () => {
    fc.assert(
      fc.property(fc.oneof(cell, fc.string({ unit: 'binary', maxLength: 80 })), (raw) => {
        const text = raw.replace(/&/g, ' ');
        expect(normalise(normalise(text))).toBe(normalise(text));
      }),
      runs,
    );
  });
});

describe('generated forms read as the rules say', () => {
  const year = fc.integer({ min: 1950, max: 2150 });
  const monthIndex = fc.integer({ min: 0, max: 11 });

  it('"<month> <year>" is the last day of that month', () => {
    const names = [
      ['January', 'Jan'],
      ['February', 'Feb'],
      ['March', 'Mar'],
      ['April', 'Apr'],
      ['May', 'May'],
      ['June', 'Jun'],
      ['July', 'Jul'],
      ['August', 'Aug'],
      ['September', 'Sep', 'Sept'],
      ['October', 'Oct'],
      ['November', 'Nov'],
      ['December', 'Dec'],
    ];
    fc.assert(
      fc.property(
        year,
        monthIndex,
        fc.nat(2),
        fc.constantFrom('', 'by ', 'end of ', 'By the end of '),
        (y, m, v, pre) => {
          const forms = names[m]!;
          const text = `${pre}${forms[v % forms.length]} ${y}`;
          const t = parseTimescale(text);
          expect(t).toMatchObject({
            kind: 'date',
            precision: 'month',
            due: iso(lastDayOfMonth(new Date(y, m, 1))),
          });
        },
      ),
      runs,
    );
  });

  it('a financial year label in any common spelling is due on 31 March of its second year', () => {
    const fyText = (y: number, f: number) => {
      const yy = (n: number) => String(n % 100).padStart(2, '0');
      return [
        `${y}-${yy(y + 1)}`,
        `${y}/${yy(y + 1)}`,
        `${y}/${y + 1}`,
        `FY${yy(y)}/${yy(y + 1)}`,
        `${y} \u2013${yy(y + 1)}`,
        `${y} ${yy(y + 1)}`,
        `financial year ${y}/${yy(y + 1)}`,
      ][f]!;
    };
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2098 }), fc.nat(6), (y, f) => {
        const t = parseTimescale(fyText(y, f));
        expect(t).toMatchObject({ kind: 'date', precision: 'financial-year', due: `${y + 1}-03-31` });
      }),
      runs,
    );
  });

  it('day/month/year with a four-digit year is that day', () => {
    fc.assert(
      fc.property(isoDay, fc.constantFrom('/', '.', '-'), (d, sep) => {
        const [y, m, dd] = d.split('-');
        const t = parseTimescale(`${Number(dd)}${sep}${m}${sep}${y}`);
        expect(t).toMatchObject({ kind: 'date', precision: 'day', due: d });
      }),
      runs,
    );
  });

  it('a two-digit year is read as the year nearest the plan period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1960, max: 2140 }),
        fc.integer({ min: -49, max: 49 }),
        monthIndex,
        (ref, off, m) => {
          const target = ref + off;
          const period = { start: `${ref}-04-01`, end: `${ref + 1}-03-31` };
          const t = parseTimescale(`${MONTH_NAMES[m]} ${String(target % 100).padStart(2, '0')}`, { period });
          expect(t.due?.slice(0, 4)).toBe(String(target));
        },
      ),
      runs,
    );
  });

  it('"within N months" is N months after the anchor', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 36 }), (anchor, n) => {
        const t = parseTimescale(`Within ${n} months`, { anchor });
        expect(t).toMatchObject({
          kind: 'relative',
          start: anchor,
          due: iso(addMonths(new Date(`${anchor}T00:00:00`), n)),
        });
      }),
      runs,
    );
  });
});
