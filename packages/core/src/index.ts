export * from './dashboard.js';
export * from './entities.js';
export * from './errors.js';
export * from './inputs.js';
export * from './rag.js';
export * from './roles.js';
export * from './status.js';
export * from './timescale.js';
