import { formatDateTime, updateFiling } from '../lib/format.js';
import type { ProgressUpdateRow } from '../lib/responses.js';
import { Prose } from './page.js';
import { PlainTag, RagTag, StatusTag } from './tags.js';

/**
 * An action's progress updates, newest first. A corrected update stays, marked as corrected and linked
 * to its correction; the correction says which update it corrects (issue 16: both stay visible).
 */
export function ProgressHistory({
  items,
  onCorrect,
  closed = () => false,
}: {
  items: ProgressUpdateRow[];
  /** Offered on updates not yet corrected, to those who may report on the action. */
  onCorrect?: ((u: ProgressUpdateRow) => void) | undefined;
  /**
   * Whether the period an update is filed under is closed: its correction would be filed there too,
   * which the API refuses (the report is frozen), so it is not offered.
   */
  closed?: (period: string) => boolean;
}) {
  if (!items.length) return <p className="govuk-body">No progress has been reported yet.</p>;
  const correctionOf = new Map(items.filter((u) => u.corrects).map((u) => [u.corrects!, u]));
  const byId = new Map(items.map((u) => [u.id, u]));
  return (
    <ol className="app-history" aria-label="Progress updates, newest first">
      {items.map((u) => {
        const correction = correctionOf.get(u.id);
        const corrected = u.corrects ? byId.get(u.corrects) : undefined;
        return (
          <li
            className={`app-history__item${correction ? ' app-history__item--corrected' : ''}`}
            key={u.id}
            id={`update-${u.id}`}
          >
            <p className="govuk-body app-history__title">
              <StatusTag status={u.status} /> {u.rag ? <RagTag rag={u.rag} /> : null}
              {correction ? <PlainTag colour="yellow">Corrected</PlainTag> : null}
              {u.corrects ? <PlainTag colour="blue">Correction</PlainTag> : null}
            </p>
            <p className="app-history__meta">
              {u.authorName}, <time dateTime={u.at}>{updateFiling(u)}</time>
            </p>
            <Prose text={u.narrative} />
            {correction ? (
              <p className="govuk-body-s">
                Corrected on {formatDateTime(correction.at)}:{' '}
                <a className="govuk-link" href={`#update-${correction.id}`}>
                  see the correction
                </a>
                .
              </p>
            ) : null}
            {u.corrects ? (
              <p className="govuk-body-s">
                {corrected ? (
                  <>
                    Corrects{' '}
                    <a className="govuk-link" href={`#update-${corrected.id}`}>
                      the update of {formatDateTime(corrected.at)}
                    </a>
                    .
                  </>
                ) : (
                  'Corrects an earlier update.'
                )}
              </p>
            ) : null}
            {onCorrect && !correction && u.period && closed(u.period) ? (
              <p className="govuk-body-s app-no-print">
                {u.period} is closed and its report is frozen, so this update cannot be corrected. An
                administrator can reopen the period.
              </p>
            ) : onCorrect && !correction ? (
              <button
                type="button"
                id={`correct-${u.id}`}
                className="app-link-button govuk-link app-no-print"
                onClick={() => onCorrect(u)}
              >
                Correct this update<span className="govuk-visually-hidden"> of {formatDateTime(u.at)}</span>
              </button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
