import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RAG_RULES,
  deriveRag,
  directionOfTravel,
  findingWords,
  type RagFinding,
  RagRules,
  travelMove,
} from './rag.js';
import { latenessWords } from './words.js';

const due = (d: string) => ({ text: d, kind: 'date' as const, due: d, precision: 'day' as const });

describe('deriveRag', () => {
  it('maps status to RAG when dates do not matter', () => {
    expect(deriveRag({ status: 'on-track', due: due('2030-01-01') }, '2026-11-23').rag).toBe('green');
    expect(deriveRag({ status: 'completed', due: due('2020-01-01') }, '2026-11-23').rag).toBe('blue');
    expect(deriveRag({ status: 'at-risk' }, '2026-11-23').rag).toBe('amber');
  });

  it('an open item past its due date is red whatever its status says, with the reason', () => {
    const r = deriveRag({ status: 'on-track', due: due('2026-11-20') }, '2026-11-23');
    expect(r.rag).toBe('red');
    expect(r.reasons).toEqual(['This item is 3 days late (due 20 November 2026)']);
  });

  it('a closed item is never overdue', () => {
    expect(deriveRag({ status: 'cancelled', due: due('2026-01-01') }, '2026-11-23').rag).toBe('grey');
  });

  it('not started and due soon is amber; re-baselined is amber; the worst rule wins', () => {
    expect(deriveRag({ status: 'not-started', due: due('2026-12-01') }, '2026-11-23').rag).toBe('amber');
    expect(deriveRag({ status: 'not-started', due: due('2027-06-01') }, '2026-11-23').rag).toBe('grey');
    const slipped = deriveRag(
      { status: 'on-track', due: due('2027-06-30'), baselineDue: due('2027-03-31') },
      '2026-11-23',
    );
    expect(slipped.rag).toBe('amber');
    expect(slipped.reasons).toEqual([
      'This item has moved from 31 March 2027 to 30 June 2027, later than first agreed',
    ]);
  });

  it('an override wins and says why', () => {
    const r = deriveRag(
      { status: 'on-track', due: due('2026-01-01'), override: { rag: 'amber', reason: 'Agreed at CMT' } },
      '2026-11-23',
    );
    expect(r).toEqual({ rag: 'amber', reasons: ['Set by hand: Agreed at CMT'], overridden: true });
  });

  it('gives only the reasons for the rating it ends with, in words, never raw values', () => {
    const r = deriveRag(
      { status: 'not-started', due: due('2026-11-30') },
      '2026-11-23',
      undefined,
      'This action',
    );
    expect(r).toEqual({
      rag: 'amber',
      reasons: ['This action has not started and is due in 7 days'],
      overridden: false,
    });
    expect(deriveRag({ status: 'not-started' }, '2026-11-23').reasons).toEqual([
      'This item is reported as not started',
    ]);
  });

  it('follows a council’s own rules', () => {
    const rules = RagRules.parse({
      overdue: 'amber',
      byStatus: { ...DEFAULT_RAG_RULES.byStatus, ongoing: 'grey' },
    });
    expect(deriveRag({ status: 'on-track', due: due('2026-11-01') }, '2026-11-23', rules).rag).toBe('amber');
    expect(deriveRag({ status: 'ongoing' }, '2026-11-23', rules).rag).toBe('grey');
  });
});

describe('words', () => {
  it('says lateness as people say it', () => {
    expect([0, 1, 5, 13, 21, 30, 60, 61, 200, 729, 4968].map(latenessWords)).toEqual([
      'due today',
      '1 day late',
      '5 days late',
      '13 days late',
      '3 weeks late',
      '4 weeks late',
      '8 weeks late',
      '2 months late',
      '6 months late',
      '23 months late',
      '13 years late',
    ]);
    expect(latenessWords(-1)).toBe('due in 1 day');
    expect(latenessWords(-21)).toBe('due in 3 weeks');
  });

  it('words a nested roll-up from the deepest item out', () => {
    const f: RagFinding = {
      kind: 'sub-action',
      ref: '2.1',
      finding: { kind: 'milestone', ref: 'C', finding: { kind: 'overdue', days: 30, due: '2026-10-24' } },
    };
    expect(findingWords(f, 'This action')).toBe(
      'Milestone C of sub-action 2.1 is 4 weeks late (due 24 October 2026)',
    );
  });
});

describe('direction of travel', () => {
  it('tells a start or a stop apart from no change, ranking them with it (neither better nor worse)', () => {
    expect(directionOfTravel('grey', 'green')).toBe('same');
    expect(travelMove('grey', 'green')).toBe('started');
    expect(travelMove('green', 'grey')).toBe('stopped');
    expect(travelMove('green', 'green')).toBe('same');
    expect(travelMove('grey', 'grey')).toBe('same');
    expect(travelMove('grey', 'amber')).toBe('worse');
    expect(travelMove('amber', 'green')).toBe('improved');
    expect(travelMove(undefined, 'green')).toBe('new');
  });
});
