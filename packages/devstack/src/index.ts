export * from './dynamodb-local.js';
