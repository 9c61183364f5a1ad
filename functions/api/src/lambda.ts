import { createLambdaHandler } from './lambda-handler.js';
import { coreModules } from './modules.js';

/** The API function: every route except imports and reports (see documents-lambda.ts). */
export const handler = createLambdaHandler('peopleplan-api', coreModules);
