import { documentModules } from './document-modules.js';
import { createLambdaHandler } from './lambda-handler.js';

/**
 * The documents function: plan imports and committee reports. It carries the DOCX/XLSX libraries,
 * so it is its own function (own bundle, more memory, longer timeout) and the API stays small.
 */
export const handler = createLambdaHandler('peopleplan-documents', documentModules);
