import { createLambdaHandler } from './lambda-handler.js';

/**
 * The documents function: plan imports, committee reports, calendar feeds and exports. It carries the
 * DOCX/XLSX libraries, so it is its own function (own bundle, more memory, longer timeout) and the API
 * stays small.
 */
export const handler = await createLambdaHandler('peopleplan-documents', 'documents');
