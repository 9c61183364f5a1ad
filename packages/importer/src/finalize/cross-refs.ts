import { excerpt } from '../cells.js';
import { bestMatch, type Candidate, sharedWords, tokens } from '../match.js';
import type { ParsedAction, ParsedCrossRef, ParsedTheme } from '../parsed-plan.js';

const CROSS_REF_WHOLE = /^\(?\s*(?:see|as\s+for|as\s+per|refer\s+to)\b/i;
const CROSS_REF_INNER = /\((?:see(?:\s+also)?|as\s+for)\b([^)]*)\)/gi;

/** "See Diversity", "(As for bringing values to life)", "(see also Priority 5 – Action 6)". */
export function resolveCrossRefs(
  themes: ParsedTheme[],
  all: ParsedAction[],
  candidates: Candidate[],
  warn: (code: string, message: string, where: string) => void,
) {
  for (const theme of themes) {
    for (const action of theme.actions.flatMap((a) => [a, ...a.subActions])) {
      const texts = [action.title, action.outcome, action.currentPosition, action.description].filter(
        (x): x is string => !!x,
      );
      const refs: ParsedCrossRef[] = [];
      for (const text of texts) {
        // An aside like "(see above)" inside a longer text names nothing to link to.
        const cites = CROSS_REF_WHOLE.test(text)
          ? [text]
          : [...text.matchAll(CROSS_REF_INNER)].filter((m) => tokens(m[1]!).length > 0).map((m) => m[0]);
        for (const cite of cites) {
          const found = resolveOne(cite, action, themes, all, candidates);
          if (found.length === 0) {
            refs.push({ text: cite });
            warn(
              'unresolved-cross-ref',
              `Cross-reference not matched to an action: "${excerpt(cite)}"`,
              `action ${action.ref}`,
            );
          } else refs.push(...found.map((f) => ({ text: cite, ...f })));
        }
      }
      action.crossRefs = refs;
    }
  }
}

function resolveOne(
  cite: string,
  self: ParsedAction,
  themes: ParsedTheme[],
  all: ParsedAction[],
  candidates: Candidate[],
): { targetRef?: string; targetThemeRef?: string }[] {
  const explicitAction = /\baction\s+(\d+(?:\.\d+)*)/i.exec(cite)?.[1];
  const explicitTheme = /\b(?:priority|theme|heading)\s+(\d+)/i.exec(cite)?.[1];
  if (explicitAction || explicitTheme) {
    const out: { targetRef?: string; targetThemeRef?: string } = {};
    if (explicitAction && all.some((a) => a.ref === explicitAction)) out.targetRef = explicitAction;
    if (explicitTheme && themes.some((t) => t.ref === explicitTheme)) out.targetThemeRef = explicitTheme;
    return Object.keys(out).length > 0 ? [out] : [];
  }
  const others = candidates.filter((c) => c.ref !== self.ref);
  const parts = cite
    .replace(/^\(?\s*(?:see(?:\s+also)?|as\s+for|as\s+per|refer\s+to)\b/i, '')
    .split(/\((?:above|below)\)|;|\band\s+(?=see\b)/i)
    .map((p) =>
      p
        .replace(/^\s*(?:and|,)\s+/i, '')
        .replace(/\)\s*$/, '')
        .trim(),
    )
    .filter((p) => tokens(p).length > 0);
  const out: { targetRef?: string; targetThemeRef?: string }[] = [];
  for (const part of parts) {
    const hit = bestMatch(part, others);
    if (hit) {
      if (!out.some((o) => o.targetRef === hit.ref)) out.push({ targetRef: hit.ref });
      continue;
    }
    // "See Diversity": a theme; point at its action closest to this one.
    const words = tokens(part);
    const theme = themes.find((t) => {
      const tt = new Set(tokens(t.title));
      return words.every((w) => tt.has(w));
    });
    if (theme) {
      const ranked = theme.actions
        .filter((a) => a.ref !== self.ref)
        .map((a) => ({ a, n: sharedWords(a.title, self.title) }))
        .sort((x, y) => y.n - x.n)[0];
      out.push({
        targetThemeRef: theme.ref,
        ...(ranked && ranked.n >= 2 ? { targetRef: ranked.a.ref } : {}),
      });
    }
  }
  return out;
}
