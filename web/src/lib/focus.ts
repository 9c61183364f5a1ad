import { type RefObject, useCallback, useEffect, useState } from 'react';

/**
 * Where focus goes, one rule for the whole app (WCAG 2.4.3 focus order, 3.2 predictable):
 * - a form opened by a button takes focus (its heading): `useFocusOnMount`;
 * - after a save, the message that says what happened takes focus, scrolled into view: `focusMessage`
 *   (the success banner does it when it appears);
 * - after Cancel, focus goes back to the button that opened the form: `useFocusNext`, by the button's id;
 * - a control that shows more of a list ("Show all 77", "Show older changes") hands focus to the first
 *   row it revealed: `useFocusRevealed`.
 * Focus is never left on the page's body because the element that had it was taken away.
 */

/**
 * A form opened by a button takes focus (its heading, `tabIndex={-1}`), so keyboard and screen reader
 * users are taken to what they opened rather than left on the button (WCAG 2.4.3).
 */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    ref.current?.focus();
  }, [ref]);
}

/** Focus the message that says what a save did (`tabIndex={-1}`), and bring it into view. */
export function focusMessage(
  el: HTMLElement | null | undefined,
  block: ScrollLogicalPosition = 'nearest',
): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block });
}

/**
 * Focus an element the next render draws, by its id: after Cancel, the button that opened the form
 * (the form took its place, so the button is drawn again); after "Add a lead", the new lead's first
 * field. Call the returned function where the state that redraws it is set.
 */
export function useFocusNext(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | undefined>();
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  // A new object each time: the same button can be returned to twice in a row.
  return useCallback((id: string) => setTarget({ id }), []);
}

/**
 * For a control that shows more rows of a list or table ("Show all 77 …", "Show older changes"): it is
 * gone once everything shows, or left after the new rows, so focus moves to the first row it revealed,
 * which screen readers then read, and Tab goes on from there through the rest (WCAG 2.4.3). Call
 * `reveal` with the index the new rows start at, before they are drawn (now, or once they have loaded);
 * spread `revealed(i)` on each row: the first new one takes focus as it is drawn.
 */
export function useFocusRevealed(): {
  reveal: (from: number) => void;
  revealed: (i: number) => { tabIndex?: number; ref?: (el: HTMLElement | null) => void };
} {
  const [from, setFrom] = useState<number | undefined>();
  const take = useCallback((el: HTMLElement | null) => focusMessage(el), []);
  return {
    reveal: setFrom,
    revealed: (i) => (i === from ? { tabIndex: -1, ref: take } : {}),
  };
}
