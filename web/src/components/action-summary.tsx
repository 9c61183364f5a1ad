import { formatDate, labelWithName } from '../lib/format.js';
import { LEAD_ROLE_LABELS, RAG_LABELS } from '../lib/labels.js';
import type { ActionRow, PersonRow } from '../lib/responses.js';
import { Prose, SummaryList } from './page.js';
import { RagTag, StatusTag } from './tags.js';
import { TimescaleText } from './timescale.js';

/** The action's status and RAG, with the reasons for the RAG folded away. */
export function ActionStanding({ action: a }: { action: ActionRow }) {
  return (
    <>
      <p className="govuk-body app-tags-line">
        <StatusTag status={a.status} /> <RagTag rag={a.rag.rag} result={a.rag} />
      </p>
      {a.rag.reasons.length ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Why it is {RAG_LABELS[a.rag.rag].split(' – ')[0]}
            </span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list govuk-list--bullet">
              {a.rag.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </>
  );
}

/**
 * A lead as the plan wrote it ("Head of HR") and, when that is not their name, who it points at in the
 * directory ("Head of HR (Ed Ellis)"): a councillor reading the action sees who answers for it.
 */
function leadWords(l: ActionRow['leads'][number], byId: Map<string, PersonRow>): string {
  if (!l.personId) return `${l.label} (not in the directory)`;
  return labelWithName(l.label, byId.get(l.personId)?.name) ?? l.label;
}

/** Everything the council wrote about the action, read-only. */
export function ActionSummary({
  action: a,
  people,
}: {
  action: ActionRow;
  people?: PersonRow[] | undefined;
}) {
  const roles = [...new Set(a.leads.map((l) => l.role))];
  const byId = new Map((people ?? []).map((p) => [p.id, p]));
  return (
    <SummaryList
      rows={[
        { key: 'Reference', value: a.ref || 'None' },
        a.outcome && { key: 'To achieve', value: <Prose text={a.outcome} /> },
        a.currentPosition && { key: 'Current position', value: <Prose text={a.currentPosition} /> },
        a.constraints && { key: 'Constraints', value: <Prose text={a.constraints} /> },
        a.measureOfSuccess && { key: 'Measure of success', value: <Prose text={a.measureOfSuccess} /> },
        // Columns of the imported plan with no field of their own, under their own headings.
        ...(a.extra ?? []).map((x) => ({ key: x.label, value: <Prose text={x.text} /> })),
        ...(roles.length
          ? roles.map((r) => ({
              id: `lead-${r}`,
              key: LEAD_ROLE_LABELS[r],
              value: a.leads
                .filter((l) => l.role === r)
                .map((l) => leadWords(l, byId))
                .join(', '),
            }))
          : [{ key: 'Leads', value: 'None' }]),
        { key: 'Start', value: <TimescaleText value={a.start} asPlanned /> },
        { key: 'Due', value: <TimescaleText value={a.due} /> },
        // Each move later, with its reason: slippage stays visible, as on a milestone.
        a.baselineDue && {
          key: 'First agreed due',
          value: (
            <>
              <TimescaleText value={a.baselineDue} asPlanned />
              {a.rebaselines?.length ? (
                <ul className="govuk-list app-year-list">
                  {a.rebaselines.map((r) => (
                    <li key={r.at}>
                      Moved on {formatDate(r.at)} to {r.to.text}
                      {r.reason ? `: ${r.reason}` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ),
        },
        a.ragOverride && {
          key: 'RAG set by hand',
          value: `${RAG_LABELS[a.ragOverride.rag]}: ${a.ragOverride.reason}`,
        },
        a.crossRefs.length > 0 && { key: 'See also', value: a.crossRefs.map((x) => x.text).join('; ') },
        a.unplaced.length > 0 && {
          key: 'Text kept from the import',
          value: a.unplaced.map((u, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static text in order
            <p className="govuk-body app-prose" key={i}>
              {u}
            </p>
          )),
        },
      ]}
    />
  );
}
