/** Every piece of user text reaches the HTML through `esc`. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** Escaped text with its line breaks kept. */
export const multiline = (s: string) => esc(s).replace(/\r?\n/g, '<br>');
