import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../testing/fixtures.js';
import { REPORT_FORMATS, renderReport } from './render.js';

describe('renderReport', () => {
  it.each(REPORT_FORMATS)('renders %s with its content type and a safe file name', async (format) => {
    const { data } = kentBusinessPlan();
    const r = await renderReport(data, format);
    expect(r.filename).toBe(`divisional-business-plan-2013-14-mid-year-2013-14.${format}`);
    expect(r.contentType).toMatch(
      format === 'docx' || format === 'xlsx' ? /openxmlformats/ : /charset=utf-8/,
    );
    if (format === 'docx' || format === 'xlsx')
      expect(Buffer.isBuffer(r.body) && r.body.subarray(0, 2).toString()).toBe('PK');
    else expect(typeof r.body).toBe('string');
    expect(r.model.exceptions).toHaveLength(6);
  });
});
