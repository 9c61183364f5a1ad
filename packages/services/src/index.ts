export * from './imports.js';
export * from './index-repair.js';
export * from './offboarding.js';
export * from './onboarding.js';
export * from './reporting.js';
