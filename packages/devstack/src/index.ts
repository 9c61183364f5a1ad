export * from './demo-users.js';
export * from './dev-idp.js';
export * from './dynamodb-local.js';
export * from './local-users.js';
export * from './mail-catcher.js';
export * from './mail-inbox.js';
