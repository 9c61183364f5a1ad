/**
 * Verbs that start an action as councils write them ("Review the …", "Develop …", "Work with …").
 * Used to find where one action ends and the next begins when a table's rows ran together. Data, not
 * code: add verbs here.
 */
export const ACTION_VERBS: ReadonlySet<string> = new Set(
  [
    'adopt agree align analyse appoint arrange assess audit bring build carry champion check clarify collect',
    'commission communicate complete conduct consider consult continue co-create create define deliver',
    'design develop embed encourage engage enhance ensure establish evaluate expand explore extend facilitate',
    'find focus hold identify implement improve include increase introduce invest launch lead maintain manage',
    'map measure monitor offer plan prepare produce promote provide publish raise recruit reduce refresh',
    'report research respond restructure review revise roll run scope seek set share simplify streamline',
    'strengthen support test train undertake update use work',
  ]
    .join(' ')
    .split(' '),
);
