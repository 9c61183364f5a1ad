export * from './principal.js';
export * from './verifier.js';
