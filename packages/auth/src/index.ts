export * from './cognito-admin.js';
export * from './cognito-lazy.js';
export * from './identity-admin.js';
export * from './principal.js';
export * from './verifier.js';
