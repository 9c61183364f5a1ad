import { createHash } from 'node:crypto';

/** Screen and print styles inline, so a saved or emailed report looks the same: A4 landscape in print. */
export const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c;margin:0;padding:1.5rem;max-width:80rem}
h1{font-size:2rem;margin:0 0 1rem}h2{font-size:1.5rem;margin:2rem 0 .75rem}h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.meta dt{font-weight:bold}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;margin:0 0 1.5rem}
caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border:1px solid #b1b4b6;padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f3f2f1}
td.num{text-align:right}
.rag{display:inline-block;padding:0 .4rem;border:1px solid #0b0c0c;font-weight:bold;white-space:nowrap}
.rag-red{background:#f4c7c3}.rag-amber{background:#fce8b2}.rag-green{background:#b7e1cd}.rag-blue{background:#c9daf8}.rag-grey{background:#e0e0e0}
.sub{padding-left:1.5rem}
.narrative{white-space:normal}
.muted{color:#505a5f}
@page{size:A4 landscape;margin:15mm}
@media print{
  body{padding:0;font-size:10pt;max-width:none}
  #progress,section.theme+section.theme{break-before:page}
  .rag{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  h2,h3{break-after:avoid}
  a{color:inherit;text-decoration:none}
}`;

/**
 * The stylesheet's CSP source (`'sha256-…'`): the web app opens the HTML report as a `blob:` page,
 * which inherits the app's policy, so the app's `style-src` allows exactly this inline style and no
 * other (infra's security headers).
 */
export const STYLE_CSP_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
