import type { PersonRow } from './responses.js';

type Choice = Pick<PersonRow, 'id' | 'leftOn' | 'mergedInto'>;

/** Someone who can take work on: not left the council, not merged into someone else. */
export const stillHere = (p: Choice) => !p.leftOn && !p.mergedInto;

/**
 * The people offered as an action's lead or a plan's owner: nobody who has left or was merged away,
 * except the one a form already holds (it keeps what it was given; the option says they have left).
 */
export function personChoices<P extends Choice>(people: readonly P[], chosen?: string): P[] {
  return people.filter((p) => stillHere(p) || p.id === chosen);
}

/** Who a person's work may be handed over to: anyone still here but themselves. */
export function handOverChoices<P extends Choice>(people: readonly P[], from: string): P[] {
  return people.filter((p) => stillHere(p) && p.id !== from);
}

/** The words after a chosen person who has left: " (has left)", else nothing. */
export const leftNote = (p: Choice) => (p.leftOn ? ' (has left)' : '');
