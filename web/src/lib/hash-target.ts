import { useEffect } from 'react';

/**
 * Brings the element the address's `#fragment` names into view once the page's data is on screen: a
 * single-page app renders after the browser looked for it (calendar feed and search links use these).
 */
export function useHashTarget(ready: boolean): void {
  useEffect(() => {
    if (!ready || !window.location.hash) return;
    const el = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    el?.scrollIntoView({ block: 'center' });
    el?.classList.add('app-target');
  }, [ready]);
}
