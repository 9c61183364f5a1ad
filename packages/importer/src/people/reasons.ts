/** Why labels are likely one person, surest first (`duplicates.ts`); the API's schema names them too. */
export const DUPLICATE_REASONS = [
  'spelling',
  'typo',
  'role',
  'first-name',
  'initial',
  'surname',
  'initials',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];
