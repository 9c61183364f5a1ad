import { createLambdaHandler } from './lambda-handler.js';

/** The API function: every route group but the documents function's (routes/index.ts). */
export const handler = await createLambdaHandler('peopleplan-api', 'api');
