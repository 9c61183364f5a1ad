/** Set by the person page as it goes back to People: what that page's banner says (`personSavedMessage`). */
export interface PersonSavedState {
  personSaved: string;
}

/** The People page's banner after a person was saved, if it was just now (read once, then forgotten). */
export function personSavedMessage(state: unknown): string | undefined {
  const saved = (state as Partial<PersonSavedState> | null)?.personSaved;
  return typeof saved === 'string' ? saved : undefined;
}
