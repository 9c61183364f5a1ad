import { type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from './session.js';

/**
 * Nothing typed is lost (issue 16): a form keeps what is typed in this tab's sessionStorage, keyed by
 * the signed-in person, the form and the item, until it is saved or cancelled. When a session ends
 * mid-sentence the app goes to sign-in and back to the same address, and the form opens again with the
 * text. sessionStorage, like the token (auth.ts), goes when the tab closes; signing out clears drafts,
 * so the next person at a shared computer finds nothing.
 */
const PREFIX = 'peopleplan.draft.';

const storageKey = (owner: string, key: string) => `${PREFIX}${owner}:${key}`;

function read<T>(owner: string | undefined, key: string): T | undefined {
  if (!owner) return undefined;
  try {
    const raw = sessionStorage.getItem(storageKey(owner, key));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

/** Whether a form has unsaved text (a page opens that form again when it has). */
export function useHasDraft(key: string): boolean {
  return useDraftKeys()(key);
}

/** A check for unsaved text under any key, for pages that open one of several forms again. */
export function useDraftKeys(): (key: string) => boolean {
  const { me } = useSession();
  return (key) => read(me?.sub, key) !== undefined;
}

/** Forget every draft in this tab (signing out). */
export function clearAllDrafts(): void {
  for (const k of Object.keys(sessionStorage)) if (k.startsWith(PREFIX)) sessionStorage.removeItem(k);
}

/**
 * A form's value, kept as it is typed. `restored` says it came back from an earlier visit; `discard`
 * forgets it (after saving, or on cancel) and goes back to `initial`, or to `next` when the caller knows
 * better (what was just saved, which `initial` may not show until its page reloads).
 */
export function useDraft<T>(
  key: string,
  initial: () => T,
): { value: T; set: (v: SetStateAction<T>) => void; discard: (next?: T) => void; restored: boolean } {
  const { me } = useSession();
  const owner = me?.sub;
  const [restored] = useState(() => read<T>(owner, key) !== undefined);
  const [value, setValue] = useState<T>(() => read<T>(owner, key) ?? initial());
  const initialRef = useRef(initial);
  initialRef.current = initial;
  const dirty = useRef(false);
  useEffect(() => {
    if (!owner || !dirty.current) return;
    try {
      sessionStorage.setItem(storageKey(owner, key), JSON.stringify(value));
    } catch {
      // Storage full or refused: the form still works, it just cannot outlive the page.
    }
  }, [owner, key, value]);
  const set = useCallback((v: SetStateAction<T>) => {
    dirty.current = true;
    setValue(v);
  }, []);
  const discard = useCallback(
    (next?: T) => {
      dirty.current = false;
      if (owner) sessionStorage.removeItem(storageKey(owner, key));
      setValue(next ?? initialRef.current());
    },
    [owner, key],
  );
  return { value, set, discard, restored };
}
