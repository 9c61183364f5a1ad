/**
 * A plan as a council pastes it: two objectives, each over its own table, with RAG words in a Status
 * column. The import preview's tests (the browser's and the preview model's) read the same plan.
 */
export const objectivesPlan = (title: string) =>
  [
    title,
    'Objective 1: Pay',
    'Ref\tAction\tLead\tDeadline\tStatus',
    '1.1\tReview pay bands\tHR Manager\tMarch 2027\tGreen',
    '1.2\tAgency spend review\tHR Manager\tMay 2026\tGreen',
    'Objective 2: Recruitment',
    'Ref\tAction\tLead\tDeadline\tStatus',
    '2.1\tNew careers site\tHR Manager\tJune 2026\tRed',
    '2.2\tOpen days\tHR Manager\tJune 2027\tAmber',
  ].join('\n');
