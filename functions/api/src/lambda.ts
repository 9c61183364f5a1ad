import { coreModules } from './core-modules.js';
import { createLambdaHandler } from './lambda-handler.js';

/** The API function: every route except imports and reports (see documents-lambda.ts). */
export const handler = createLambdaHandler('peopleplan-api', coreModules);
