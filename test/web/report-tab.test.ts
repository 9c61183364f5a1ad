import { describe, expect, it } from 'vitest';
import { REPORT_POLICY, reportDocument } from '../../web/src/lib/report-tab.js';

const META = `<meta http-equiv="Content-Security-Policy" content="${REPORT_POLICY}">`;

describe('reportDocument: the HTML report as a page of its own', () => {
  it('puts the policy first in the head, before the title and anything else the report holds', () => {
    const html =
      '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>A &lt;plan&gt;</title>\n</head><body><h1>Report</h1></body></html>';
    const doc = reportDocument(html);
    expect(doc).toBe(html.replace('<head>', `<head>${META}`));
    expect(doc.indexOf(META)).toBeLessThan(doc.indexOf('<title>'));
  });

  it('runs nothing and loads nothing: no script, form or base address, only its inline style', () => {
    expect(REPORT_POLICY).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(REPORT_POLICY).toContain("form-action 'none'");
    expect(REPORT_POLICY).toContain("base-uri 'none'");
    expect(REPORT_POLICY).not.toMatch(/script-src/);
  });

  it('finds a head with attributes, and puts the policy first in a document without one', () => {
    expect(reportDocument('<html><HEAD lang="en"><title>x</title></HEAD></html>')).toBe(
      `<html><HEAD lang="en">${META}<title>x</title></HEAD></html>`,
    );
    expect(reportDocument('<p>Report</p>')).toBe(`${META}<p>Report</p>`);
    // "<header>" is not the head.
    expect(reportDocument('<header>x</header>')).toBe(`${META}<header>x</header>`);
  });
});
