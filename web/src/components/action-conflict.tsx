import { type Conflict, fieldLabel, type Groups, showField } from '../lib/action-draft.js';
import { ScrollTable } from './page.js';
import { TableHead } from './table-head.js';

/** Someone saved the action first: both versions side by side, and the choice of which to keep. */
export function ConflictPanel({
  conflict,
  groups,
  busy,
  onMine,
  onTheirs,
}: {
  conflict: Conflict;
  groups: Groups;
  busy: boolean;
  onMine: () => void;
  onTheirs: () => void;
}) {
  return (
    <div className="govuk-error-summary app-conflict" role="alert" tabIndex={-1} ref={(el) => el?.focus()}>
      <h2 className="govuk-error-summary__title">Someone else saved this action while you were editing</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">
          Your changes have not been saved yet, and nothing has been lost. Compare the two versions, then
          choose which to keep. You can also change the form below and save again.
        </p>
        <ScrollTable label="Your version and the saved version">
          <table className="govuk-table app-compare">
            <caption className="govuk-table__caption govuk-table__caption--s">Differences</caption>
            <TableHead columns={['Field', 'Your version', 'Saved version']} />
            <tbody className="govuk-table__body">
              {conflict.keys.map((k) => (
                <tr className="govuk-table__row" key={k}>
                  <th scope="row" className="govuk-table__header">
                    {fieldLabel(k, groups)}
                  </th>
                  <td className="govuk-table__cell">{showField(k, conflict.mine, groups)}</td>
                  <td className="govuk-table__cell">{showField(k, conflict.theirs, groups)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" onClick={onMine} disabled={busy}>
            Save my version
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onTheirs}>
            Use the saved version
          </button>
        </div>
      </div>
    </div>
  );
}
