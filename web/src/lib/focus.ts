import { type RefObject, useEffect } from 'react';

/**
 * A form opened by a button takes focus (its heading, `tabIndex={-1}`), so keyboard and screen reader
 * users are taken to what they opened rather than left on the button (WCAG 2.4.3).
 */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    ref.current?.focus();
  }, [ref]);
}
