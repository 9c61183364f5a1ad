import type { Status } from '@peopleplan/core';

/**
 * States of work that name no rating, as task tools (Planner, Smartsheet, Monday, Jira, SharePoint
 * lists) and councils' trackers write them, with the rating a reader gives each and why. Read only when
 * the cell opens with one; the words are kept with the progress and the person told. Data, not code:
 * add a tool's words to the row of the state they mean.
 *
 * - Not begun, or not yet due (to do, backlog, new, planned): not started.
 * - Under way with nothing said against it (active, in review, working on it): on track.
 * - Held up (waiting, awaiting a decision, on hold, paused) or needing attention: at risk, not yet off
 *   track (nothing says it is late), and never closed as "deferred": it is still to be done.
 * - Blocked, stuck or not progressing: off track, as it cannot go on.
 * - Put off to a later plan (postponed, carried forward): deferred.
 * - Replaced by another action, or no longer to be done: cancelled, its words ("see 2.4") kept.
 * - Routine with no end (business as usual, continuous): ongoing.
 */
export const UNRATED_STATES: Array<[RegExp, Status, string]> = [
  [
    /^waiting\s+(?:on|for)\s+(?:someone|somebody|others?|another)(?:\s+else)?$/,
    'at-risk',
    'as it waits on another',
  ],
  [
    /^(?:waiting|awaiting(?:\s+(?:approval|sign[\s-]*off|decision|funding|information|input|response|review))?)$/,
    'at-risk',
    'as it waits on another',
  ],
  [/^(?:on[\s-]+hold|paused|suspended)\b/, 'at-risk', 'as it is held up'],
  // An exception report's scale counts the lateness: a month or less is amber, more is red.
  [
    /^(?:(?:up\s+to|less\s+than|under|within)\s+)?(?:one|1|a)\s+month\s+(?:behind|late|overdue)(?:\s+schedule)?$/,
    'at-risk',
    'as it is up to a month behind',
  ],
  [
    /^(?:(?:more\s+than|over)\s+(?:one|1|a)\s+month|(?:\d+|two|three|four|five|six|several)\s+months)\s+(?:behind|late|overdue)(?:\s+schedule)?$/,
    'off-track',
    'as it is more than a month behind',
  ],
  [
    /^(?:needs?\s+attention|help\s+needed|(?:some\s+)?concerns?|issues?)$/,
    'at-risk',
    'as it needs attention',
  ],
  [/^(?:blocked|stuck)\b/, 'off-track', 'as it cannot go on'],
  [
    /^not\s+(?:progressing|moving|on\s+(?:track|target)|met|achieved)$/,
    'off-track',
    'as it is not going ahead as planned',
  ],
  [/^working\s+on\s+it$/, 'on-track', 'as work on it is under way'],
  // An audit tracker's follow-up: some of the agreed action is in place. ("Partially complete" is left
  // to a person: it may as well be a year-end verdict as work under way.)
  [
    /^(?:partly|partially|part)[\s-]+(?:implemented|in\s+place)$/,
    'on-track',
    'as part of it is done and the rest under way',
  ],
  // Given a new date by whoever approves the plan's changes ("Reprogrammed", "Revised date agreed").
  [
    /^(?:reprogrammed|re-?scheduled|re-?baselined|re-?planned|revised\s+(?:completion\s+|target\s+)?date(?:\s+agreed)?)(?:\s*\((?:approved|agreed)\))?$/,
    'on-track',
    'as it has a new date agreed',
  ],
  [
    /^(?:active|in[\s-]+(?:review|train|hand)|under\s+review|commenced|proceeding|progressing\s+well|ahead(?:\s+of\s+(?:schedule|plan|target))?)$/,
    'on-track',
    'as work on it is under way',
  ],
  [/^not\s+(?:yet\s+)?due(?:\s+(?:yet|to\s+start))?$/, 'not-started', 'as it is not yet due'],
  [
    /^(?:to[\s-]+do|backlog|new|open|planned|scheduled|future|proposed|pending|yet\s+to\s+(?:start|begin|commence)|not\s+(?:yet\s+)?(?:commenced|begun|implemented))$/,
    'not-started',
    'as it has not begun',
  ],
  [/^(?:met|fully\s+met)$/, 'completed', 'as what it set out to do is met'],
  [
    /^(?:postponed|carried\s+(?:forward|over)|rolled\s+(?:forward|over)|moved\s+to\s+(?:next|a\s+later)\s+(?:year|plan|period))\b/,
    'deferred',
    'as it is put off to a later plan',
  ],
  [/^(?:superseded|replaced|merged\s+(?:with|into))\b/, 'cancelled', 'as another action takes its place'],
  [
    /^(?:abandoned|dropped|removed|deleted|no\s+longer\s+(?:required|needed|applicable)|not\s+(?:required|needed|proceeding|being\s+taken\s+forward))$/,
    'cancelled',
    'as it is no longer to be done',
  ],
  [
    /^(?:continuous|continuing|business\s+as\s+usual|bau|rolling|recurring)$/,
    'ongoing',
    'as it goes on as routine',
  ],
];

/**
 * A state with its qualifier, as trackers' drop-downs offer them: "In progress – delayed" is under way
 * but late, so off track (the worse, as "Amber/Red" is red); "Complete (ongoing)" is done and goes on as
 * routine, so ongoing, never closed. Only the two parts and nothing else: "Started but delayed by the
 * recruitment freeze" is for a person to read. Checked before the plain words.
 */
const UNDER_WAY = String.raw`(?:in[\s-]+progress|under[\s-]*way|started|progressing|on[\s-]*going)`;
const SEP = String.raw`\s*(?:[-–—:,/(]\s*|\s(?:but\s+)?)`;
export const QUALIFIED_STATES: Array<[RegExp, Status, string]> = [
  [
    new RegExp(
      `^${UNDER_WAY}${SEP}(?:delayed|late|overdue|slipped|behind(?:\\s+(?:schedule|plan|target))?)\\)?$`,
    ),
    'off-track',
    'as it is under way but late',
  ],
  [
    new RegExp(`^${UNDER_WAY}${SEP}(?:slipping|(?:some|minor)\\s+slippage|at[\\s-]+risk)\\)?$`),
    'at-risk',
    'as it is under way but at risk',
  ],
  [
    /^(?:complete|completed|done)\s*(?:[-–—:,/(]\s*|\s(?:and\s+|but\s+)?)(?:on[\s-]*going|continuing|bau|business\s+as\s+usual)\)?$/,
    'ongoing',
    'as it is done and goes on as routine',
  ],
];
