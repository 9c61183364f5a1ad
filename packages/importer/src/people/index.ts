export {
  type DuplicateGroup,
  type DuplicateReason,
  duplicateGroups,
  duplicatePeople,
  type PersonLabel,
} from './duplicates.js';
export { normaliseName, normaliseRoleLabel } from './normalise.js';
