import type { Rag } from '@peopleplan/core';
import { formatDate } from '../format.js';
import type { ActionRow } from '../model.js';
import type { CellValue } from './table.js';

/** Cell text shared by the exceptions and progress tables. */

/** Status in words with its RAG word, tinted with its colour. */
export const statusCell = (s: { text: string; rag: Rag }): CellValue => ({ text: s.text, rag: s.rag });

export const latestText = (a: { latest?: { date: string; narrative: string; authorName: string } }) =>
  a.latest ? `${formatDate(a.latest.date)}, ${a.latest.authorName}:\n${a.latest.narrative}` : 'No update';

/** A sub-action's ref is indented under its parent's. */
export const indentedRef = (a: ActionRow) => `${'    '.repeat(a.depth)}${a.ref}`;
