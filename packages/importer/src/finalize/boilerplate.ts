/**
 * Lines a web page or a document-sharing site puts around a plan's text: cookie and script notices,
 * advertisements, upload statistics, navigation. They are kept (in the cover section) but never taken
 * as the plan's title.
 */
const BOILERPLATE: RegExp[] = [
  /\benable\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:disabled|required)\b/i,
  /\bcookies?\b.*\b(?:accept|use|policy|settings)\b|\baccept\s+(?:all\s+)?cookies\b/i,
  />>\s*$|\bget\s+help\s+now\b|\bclick\s+here\b|\bsign\s+up\b|\blog\s*in\b|\bsubscribe\b/i,
  /^(?:upload|post(?:ed)?\s+on|category|views?|downloads?|transcript|documents?|menu|home|back\s+to\s+top|skip\s+to\s+(?:main\s+)?content)\b[:\s]*/i,
  // A page's "Share this page", "Print", "Search": short; "Share the survey results with all staff." is an action.
  /^(?:share|print|search)\b(?:\s*\S+){0,3}\s*$/i,
  /^\d+\s+(?:views?|downloads?|pages?)$/i,
  /^(?:page\s+\d+\s*(?:of\s+\d+)?|\d+\s+of\s+\d+)\s*[:.]?/i,
  /^(?:telephone|phone)\s+issues$|\bwe\s+are\s+experiencing\b/i,
  /^archived\b|\bthis\s+(?:web\s+)?page\s+has\s+been\s+archived\b/i,
  /^pdf\s+version\b/i,
  /^meeting\s+documents$/i,
  /^(?:www\.|https?:\/\/)\S+$/i,
  /\bmade\s+with\s+\w+|\blearn\s+more\b/i,
];

export const isBoilerplate = (line: string) => BOILERPLATE.some((re) => re.test(line.trim()));
