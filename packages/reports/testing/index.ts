export * from './fixtures.js';
export * from './synthetic.js';
