import type { Lead, LeadRole } from '@peopleplan/core';

/** A capitalised personal name of two or more words ("Julie Cudmore", "Jackie Turner-Robinson"). */
const PERSON_NAME = /^(?:[A-Z][A-Za-z'’-]*\.?)(?:\s+[A-Z][A-Za-z'’-]*\.?)+$/;

/**
 * Splits a "who" cell into labels without inventing any: on "/" and line breaks, after a closing
 * bracket that is followed by another label ("GM (HR) GM (OD)"), and on ",", " and ", " & " only when
 * every part is a person's name. Anything else stays one label, exactly as written.
 */
export function splitLeadLabels(cell: string): string[] {
  const parts = cell
    .split(/\n|(?<![:/])\/(?!\/)/)
    .flatMap((p) => p.split(/(?<=\))\s+(?=[A-Z])/))
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.flatMap((p) => {
    const names = p.split(/\s*,\s*|\s+and\s+|\s+&\s+/).map((n) => n.trim());
    if (names.length > 1 && names.every((n) => PERSON_NAME.test(n))) return names;
    return [p];
  });
}

export function parseLeads(cell: string | undefined, role: LeadRole): Lead[] {
  if (!cell) return [];
  return splitLeadLabels(cell).map((label) => ({ role, label: label.slice(0, 200) }));
}
