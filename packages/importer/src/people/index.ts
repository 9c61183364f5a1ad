export {
  type DuplicateGroup,
  type DuplicateReason,
  duplicateGroups,
  type PersonLabel,
} from './duplicates.js';
export { labelWords, normaliseName, normaliseRoleLabel, WORD_VARIANTS } from './normalise.js';
