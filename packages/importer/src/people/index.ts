export { type DuplicateGroup, duplicateGroups } from './duplicates.js';
export { normaliseName, normaliseRoleLabel } from './normalise.js';
