export * from './compare.js';
export * from './dates.js';
export * from './digest.js';
export * from './load.js';
export * from './milestones.js';
export * from './overview.js';
export * from './types.js';
export * from './weekly.js';
