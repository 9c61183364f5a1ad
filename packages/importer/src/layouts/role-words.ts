/**
 * Words that make a short Title Case phrase a role, team or body rather than a sentence: "Policy Officer",
 * "Head of HR", "Governance Coordinator", "Quality Assurance Committee". Data, not code: add words here.
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  [
    'officer officers manager managers director directors head heads chief executive executives lead leads',
    'coordinator co-ordinator coordinators advisor adviser advisors advisers partner partners',
    'team teams unit service services department directorate division branch section office',
    'committee board group forum panel network partnership council cabinet members member',
    'cllr councillor councillors portfolio holder mayor leader chair chairman chairperson vice-chair',
    'dean pro-dean professor nurse doctor clinician secretary clerk assistant deputy principal',
    'hr od l&d hrbc hopos cmt clt slt smt cx ceo cfo coo dos don dof',
    'specialist consultant analyst administrator controller superintendent inspector commissioner',
    'owner owners sponsor sponsors custodian champion champions',
  ]
    .join(' ')
    .split(' '),
);
