export * from './message.js';
export * from './retry.js';
export * from './ses.js';
export * from './smtp.js';
