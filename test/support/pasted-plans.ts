/**
 * A plan as a council pastes it: two objectives, each over its own table, with RAG words in a Status
 * column. The import preview's tests (the browser's and the preview model's) read the same plan. Its
 * deadlines lie a year either side of `thisYear`, so each action rates the same whenever the suite runs.
 */
export const objectivesPlan = (title: string, thisYear = new Date().getFullYear()) =>
  [
    title,
    'Objective 1: Pay',
    'Ref\tAction\tLead\tDeadline\tStatus',
    `1.1\tReview pay bands\tHR Manager\tMarch ${thisYear + 1}\tGreen`,
    `1.2\tAgency spend review\tHR Manager\tMay ${thisYear - 1}\tGreen`,
    'Objective 2: Recruitment',
    'Ref\tAction\tLead\tDeadline\tStatus',
    `2.1\tNew careers site\tHR Manager\tJune ${thisYear - 1}\tRed`,
    `2.2\tOpen days\tHR Manager\tJune ${thisYear + 1}\tAmber`,
  ].join('\n');
