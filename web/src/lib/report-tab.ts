/**
 * The HTML report as a page of its own, in a new tab (docs/architecture.md, "In the browser"). A page
 * of its own scrolls by keyboard and prints whole by its own print rules (A4 landscape, each group of
 * actions on a new page), which a frame inside the app's page does not: a frame scrolls apart from the
 * page, and printed it is cut at the paper's edge. The report carries council text, so it runs nothing:
 * the policy the API sends with it (functions/api reports route) goes first in its head, beside the
 * app's own, which a `blob:` document inherits; and the tab cannot reach the app that opened it.
 */

/** The API's policy for the report, and no forms or base address besides. */
export const REPORT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

/** The report's HTML with its policy as the first thing in its head (before anything it could affect). */
export function reportDocument(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_POLICY}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return meta + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

/**
 * A new tab, opened while the person's click still allows it (a tab opened once the report has been
 * made, seconds later, would be blocked); it says the report is on its way. Null when the browser
 * blocked it: the page then offers a link.
 */
export function openReportTab(): Window | null {
  const tab = window.open('', '_blank');
  if (!tab) return null;
  tab.opener = null;
  const doc = tab.document;
  doc.documentElement.lang = 'en-GB';
  doc.title = 'Preparing the report – PeoplePlan';
  const p = doc.createElement('p');
  p.textContent = 'Preparing the report…';
  doc.body.append(p);
  return tab;
}

/** The report as an address of its own (`blob:`), shown in the tab when there is one still open. */
export function showReport(tab: Window | null, html: string): string {
  const url = URL.createObjectURL(new Blob([reportDocument(html)], { type: 'text/html' }));
  if (tab && !tab.closed) tab.location.replace(url);
  return url;
}
