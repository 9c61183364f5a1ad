import type { Timescale } from '@peopleplan/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TimescaleInput } from './timescale-input.js';

const render = (text: string, original: Timescale | undefined, error?: string) =>
  renderToStaticMarkup(
    <TimescaleInput
      id="due"
      label="Due"
      text={text}
      original={original}
      onText={() => {}}
      context={{}}
      {...(error ? { error } : {})}
    />,
  );
const describedBy = (html: string) => /<input[^>]*aria-describedby="([^"]*)"/.exec(html)?.[1]?.split(' ');
const readAs = (html: string) =>
  /<p[^>]*id="due-read"[^>]*>(.*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');

describe('TimescaleInput', () => {
  const march: Timescale = { text: 'March 2027', kind: 'date', due: '2027-03-31', precision: 'month' };

  it('ties how the deadline was read to the field, so it is heard on reaching it, not only seen', () => {
    const html = render('March 2027', march);
    expect(describedBy(html)).toEqual(['due-hint', 'due-read']);
    expect(readAs(html)).toMatch(/^Read as: .*31 March 2027/);
    expect(describedBy(render('March 2027', march, 'Enter the deadline'))).toEqual([
      'due-hint',
      'due-error',
      'due-read',
    ]);
  });

  it('keeps the live region in the page while the field is empty, so the first reading is announced', () => {
    const html = render('', undefined);
    expect(html).toMatch(
      /<p[^>]*id="due-read"[^>]*aria-live="polite"[^>]*><\/p>|<p[^>]*aria-live="polite"[^>]*id="due-read"[^>]*><\/p>/,
    );
  });
});
