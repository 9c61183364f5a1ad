/**
 * Reports: time to build each document for a synthetic 500-action plan, as a ratio to the time of
 * building the report model (`summarise`) from the same data, measured side by side in one run.
 * The DOCX build against fetching the plan from DynamoDB Local is in reports-api.bench.ts.
 */
import { exportRows, renderCsv, renderHtml, summarise } from '@peopleplan/reports';
import { renderDocx } from '@peopleplan/reports/docx';
import { syntheticReportData } from '@peopleplan/reports/testing';
import { renderXlsx } from '@peopleplan/reports/xlsx';
import type { BenchResult } from './run.js';

const ACTIONS = 500;

/** Median wall time of `fn` over `runs` runs, after `warmup` untimed runs. */
async function median(fn: () => unknown, runs: number, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function run(): Promise<BenchResult[]> {
  const data = syntheticReportData({ actions: ACTIONS, seed: 7 });
  const model = summarise(data);
  const rows = exportRows(model);

  const summariseMs = await median(() => summarise(data), 15);
  const docxMs = await median(() => renderDocx(model), 7);
  const htmlMs = await median(() => renderHtml(model), 15);
  const xlsxMs = await median(() => renderXlsx(rows), 7);
  const csvMs = await median(() => renderCsv(rows), 15);
  const docxBytes = (await renderDocx(model)).length;

  return [
    {
      name: `summarise (model) ${ACTIONS} actions, ${data.milestones.length} milestones`,
      value: summariseMs,
      unit: 'ms',
    },
    { name: 'renderDocx', value: docxMs, unit: 'ms' },
    { name: 'renderHtml', value: htmlMs, unit: 'ms' },
    { name: 'renderXlsx', value: xlsxMs, unit: 'ms' },
    { name: 'renderCsv', value: csvMs, unit: 'ms' },
    { name: 'DOCX size', value: Math.round(docxBytes / 1024), unit: 'KiB' },
    { name: 'ratio DOCX / model', value: docxMs / summariseMs, unit: 'x' },
    { name: 'ratio HTML / model', value: htmlMs / summariseMs, unit: 'x' },
    { name: 'ratio XLSX / model', value: xlsxMs / summariseMs, unit: 'x' },
    { name: 'ratio CSV / model', value: csvMs / summariseMs, unit: 'x' },
  ];
}
