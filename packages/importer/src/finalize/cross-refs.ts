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
      // A progress or comments cell that points at other actions by their refs ("Links to action 2.3",
      // "See also 2.1 and 3.2"): only refs of this plan's actions count, the words stay where they are.
      const notes = [action.progress, ...(action.extra ?? []).map((e) => e.text)].filter(
        (x): x is string => !!x,
      );
      for (const text of notes) {
        for (const cite of pointers(text)) {
          const found = cite.refs.filter((r) => r !== action.ref && all.some((a) => a.ref === r));
          for (const targetRef of new Set(found))
            if (!refs.some((r) => r.targetRef === targetRef)) refs.push({ text: cite.text, targetRef });
        }
      }
      action.crossRefs = refs;
    }
  }
}

/** A ref as a plan numbers its actions: "2.3", "4", "EDI2", "R1", "2.3a". */
const REF = String.raw`(?:\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?|[A-Z]{1,4}\d{1,3}(?:\.\d{1,3})?)`;
/** Words that point at other actions, then their refs: "Links to action 2.3", "see also 2.1 and 3.2". */
const POINTER = new RegExp(
  String.raw`\b(?:see(?:\s+also)?|links?\s+(?:to|with)|linked\s+(?:to|with)|related\s+to|relates\s+to|depends\s+on|dependent\s+on|dependency\s+on|cross[-\s]?ref(?:erence)?(?:\s+to)?)` +
    String.raw`\s*:?\s+(?:actions?\s+|refs?\.?\s+|no\.?\s+)?(${REF}(?:\s*(?:,|and|&|/)\s*(?:actions?\s+)?${REF})*)(?![\w.]*\d)`,
  'gi',
);

function pointers(text: string): { text: string; refs: string[] }[] {
  return [...text.matchAll(POINTER)].map((m) => ({
    text: m[0],
    refs: m[1]!.split(/\s*(?:,|and|&|\/)\s*/i).map((r) => r.replace(/^actions?\s+/i, '').trim()),
  }));
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
