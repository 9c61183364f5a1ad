export {
  type DuplicateGroup,
  type DuplicateReason,
  duplicateGroups,
  type PersonLabel,
} from './duplicates.js';
export { normaliseName, normaliseRoleLabel } from './normalise.js';
