import type { Rag, RagResult, Status } from '@peopleplan/core';
import { RAG_LABELS, RAG_SHORT, RAG_TAG, STATUS_LABELS, STATUS_TAG } from '../lib/labels.js';

/** Status as a GOV.UK tag: the word is always there, colour only supports it. */
export function StatusTag({ status }: { status: Status }) {
  return <strong className={`govuk-tag ${STATUS_TAG[status]} app-tag`}>{STATUS_LABELS[status]}</strong>;
}

/** RAG as a tag reading "RAG: Red"; the full meaning is available to screen readers. */
export function RagTag({ rag, result }: { rag: Rag; result?: RagResult }) {
  return (
    <strong className={`govuk-tag ${RAG_TAG[rag]} app-tag`} title={RAG_LABELS[rag]}>
      <span className="govuk-visually-hidden">RAG rating: </span>
      {RAG_SHORT[rag]}
      {result?.overridden ? ' (set by hand)' : ''}
    </strong>
  );
}

export function PlainTag({ children, colour = 'grey' }: { children: React.ReactNode; colour?: string }) {
  return <strong className={`govuk-tag govuk-tag--${colour} app-tag`}>{children}</strong>;
}

/** Said beside a milestone's status when it closed because its action did (it reopens with the action). */
export function ClosedWithAction({ milestone }: { milestone: { closedWithAction?: unknown } }) {
  return milestone.closedWithAction ? <span className="govuk-body-s"> (closed with the action)</span> : null;
}
