import { describe, expect, it } from 'vitest';
import { themeHeading } from './themes.js';

describe('a theme heading', () => {
  it('is numbered by digits or by a letter ("Theme A – Workforce planning")', () => {
    expect(themeHeading('Theme A – Workforce planning')).toMatchObject({
      ref: 'A',
      title: 'Workforce planning',
    });
    expect(themeHeading('Priority B: Pay and reward')).toMatchObject({ ref: 'B', title: 'Pay and reward' });
    expect(themeHeading('Theme 3: Wellbeing')).toMatchObject({ ref: '3', title: 'Wellbeing' });
  });

  it('takes a lone letter as a number only before a separator: "Priority a …" is words', () => {
    expect(themeHeading('Priority a new approach to pay')).toBeUndefined();
    expect(themeHeading('Theme a bit of everything')).toBeUndefined();
  });
});
