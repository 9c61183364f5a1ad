import { formatDateTime } from '../lib/format.js';
import type { ProgressUpdateRow } from '../lib/responses.js';
import { Prose } from './page.js';
import { RagTag, StatusTag } from './tags.js';

/** An action's progress updates, newest first. */
export function ProgressHistory({ items }: { items: ProgressUpdateRow[] }) {
  if (!items.length) return <p className="govuk-body">No progress has been reported yet.</p>;
  return (
    <ol className="app-history" aria-label="Progress updates, newest first">
      {items.map((u) => (
        <li className="app-history__item" key={u.id}>
          <p className="govuk-body app-history__title">
            <StatusTag status={u.status} /> {u.rag ? <RagTag rag={u.rag} /> : null}
          </p>
          <p className="app-history__meta">
            {u.authorName}, <time dateTime={u.at}>{formatDateTime(u.at)}</time>
            {u.period ? ` · period ${u.period}` : ''}
          </p>
          <Prose text={u.narrative} />
        </li>
      ))}
    </ol>
  );
}
