export * from './catcher.js';
export * from './inbox.js';
export * from './message.js';
export * from './retry.js';
export * from './ses.js';
export * from './smtp.js';
