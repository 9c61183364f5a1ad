export * from './imports.js';
export * from './reporting.js';
