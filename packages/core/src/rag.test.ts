import { describe, expect, it } from 'vitest';
import { DEFAULT_RAG_RULES, deriveRag, RagRules } from './rag.js';

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
    expect(r.reasons).toContain('Overdue by 3 days');
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
    expect(slipped.reasons.join()).toMatch(/Re-baselined/);
  });

  it('an override wins and says why', () => {
    const r = deriveRag(
      { status: 'on-track', due: due('2026-01-01'), override: { rag: 'amber', reason: 'Agreed at CMT' } },
      '2026-11-23',
    );
    expect(r).toEqual({ rag: 'amber', reasons: ['Overridden: Agreed at CMT'], overridden: true });
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
