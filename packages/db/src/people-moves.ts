/**
 * Moving a person's references to someone else: merging them (people-merge.ts) and handing their work
 * over (people-handover.ts). One module for both, loaded by the API with the first request that needs
 * either, never at a cold start (docs/architecture.md, section 9).
 */

export { handOver, personLeads, refuseLeavingWhileLeading } from './people-handover.js';
export { mergePerson } from './people-merge.js';
