export { createPeoplePlanApp, type PeoplePlanApp } from './app.js';
export { ConfigError, type ContextSource, type PeoplePlanConfig, readConfig } from './config.js';
export { ENTRIES, REPO_ROOT } from './paths.js';
export { addPeoplePlan, type PeoplePlanStacks } from './peopleplan.js';
