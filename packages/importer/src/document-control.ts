/**
 * A document's own details, not its actions': who owns or wrote it, when and by whom it was approved,
 * when it is next reviewed, its version, classification and contact ("Document owner: Assistant Director
 * People. Approved by Cabinet 9 April 2026.", "Review: this plan will be reviewed in April 2027",
 * "Version 2.1", "This strategy was approved by Cabinet on …"). A cover carries them before the plan
 * (finalize/title.ts reads its owner), a document-control box as a table (build/form-tables.ts); written
 * after the actions, they are kept in the plan's "Document control" section (build/action-rows.ts),
 * never as a note on the last action.
 */

/** Words of how a document is kept (reviewed, versioned, approved), not of how an action is done. */
export const DOCUMENT_KEEPING =
  /\b(?:review|reviewed|version|approved|approval|author|published|classification)\b/i;

/** What the document is called when a sentence is about it: "this plan", "the action plan", "this strategy". */
const DOCUMENT = String.raw`(?:this|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:plan|strategy|document|policy|framework)`;

/** A label of the document's keeping, before a colon: "Document owner:", "Next review date:", "Contact:". */
const LABEL = new RegExp(
  String.raw`^(?:${[
    String.raw`(?:(?:document|plan|strategy|policy|report)\s+)?(?:owner|author|contact(?:\s+officer)?|prepared\s+by|version(?:\s+(?:no\.?|number))?|classification)`,
    String.raw`(?:document|plan|strategy|policy)\s+(?:status|control|reference)`,
    String.raw`(?:(?:next|last|date\s+of(?:\s+next)?)\s+)?review(?:ed)?(?:\s+date)?`,
    String.raw`(?:date\s+)?(?:approved|approval|published|adopted)(?:\s+(?:by|on|date))?`,
    String.raw`date\s+of\s+(?:approval|publication)|last\s+(?:updated|revised)`,
  ].join('|')})\s*:\s*\S`,
  'i',
);
/** The same, written without a colon before a version or a date: "Version 2.1", "Last updated 3 November 2026". */
const UNLABELLED = new RegExp(
  String.raw`^(?:version|v)\s*\d+(?:\.\d+)*(?=\s*(?:$|[(,;–—-]|\s(?:draft|final|last|updated|approved|issued|dated?)\b))|` +
    String.raw`^(?:last\s+(?:updated|revised|reviewed)|next\s+review(?:\s+date)?|review\s+date)\s+` +
    String.raw`(?:on\s+|due\s+|in\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`,
  'i',
);
/** A sentence whose subject is the document: "This plan will be reviewed…", "The strategy was approved by…". */
const ABOUT_THE_DOCUMENT = new RegExp(
  String.raw`^${DOCUMENT}\s+(?:will|is|was|has|shall|should|must)\s+(?:be\s+|been\s+)?(?:next\s+)?` +
    String.raw`(?:reviewed|approved|updated|revised|refreshed|adopted|agreed|owned|published|signed\s+off)\b`,
  'iu',
);

/**
 * A decision on the document by a body, with its date and nothing more: "Approved by Cabinet on 12 March
 * 2026", "Agreed at Corporate Management Team, May 2025", "Adopted by Full Council 20 February 2026"; or
 * who wrote it and when: "Prepared by the Programme Office for the People Board, 12 October 2026".
 * Only when the line ends at the date: "Approved by CMT in May; results shared…" says more.
 */
const DECIDED = new RegExp(
  String.raw`^(?:approved|agreed|adopted|endorsed|ratified|signed\s+off|noted|prepared|written|compiled)\s+(?:by|at)\s+(?:the\s+)?` +
    String.raw`(?:[\p{L}&'’-]+\s+){0,6}?[\p{L}&'’-]+,?\s+(?:on\s+|in\s+)?` +
    String.raw`(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\.?$|` +
    String.raw`^(?:approved|agreed|adopted|endorsed|ratified|signed\s+off)\s+(?:by|at)\s+(?:the\s+)?` +
    String.raw`(?:[\p{L}&'’-]+\s+){0,6}?[\p{L}&'’-]+,?\s+(?:on\s+)?\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\.?$`,
  'iu',
);
/** A label of the document's keeping set off by a dash: "Plan owner – Director of Resources", "Review date – March 2027". */
const DASHED =
  /^(?:(?:document|plan|strategy|policy)\s+(?:owner|author|lead)|(?:next\s+)?review\s+date|date\s+(?:approved|of\s+approval)|version)\s+[–—-]\s+\S/i;

/** Longer than this, a paragraph is the plan's narrative, whatever it opens with. */
const MAX_CHARS = 400;

/** A paragraph of the document's own details (above), not a note on an action. */
export function isDocumentControl(text: string): boolean {
  const t = text.trim();
  return (
    t.length <= MAX_CHARS &&
    (LABEL.test(t) || UNLABELLED.test(t) || ABOUT_THE_DOCUMENT.test(t) || DECIDED.test(t) || DASHED.test(t))
  );
}
