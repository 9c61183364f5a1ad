import { Select } from './form.js';

/** A directorate as the plans write it (the address may have it in another case); none if no plan names it. */
export const asWritten = (directorates: readonly string[] | undefined, asked: string): string | undefined =>
  directorates?.find((d) => d.toLowerCase() === asked.toLowerCase());

/**
 * A head of service reads their own directorate's part of the dashboard (`?directorate=`; the API counts
 * only the plans that name it). Offered only when the council's plans name a directorate.
 */
export function DirectorateChoice({
  directorates,
  directorate,
  onDirectorate,
}: {
  directorates: readonly string[];
  directorate: string | undefined;
  onDirectorate: (directorate: string | undefined) => void;
}) {
  if (!directorates.length) return null;
  const chosen = (directorate ? asWritten(directorates, directorate) : undefined) ?? '';
  return (
    <form
      className="app-inline-form app-no-print"
      onSubmit={(e) => {
        e.preventDefault();
        const value = String(new FormData(e.currentTarget).get('directorate') ?? '');
        onDirectorate(value || undefined);
      }}
    >
      <Select
        id="directorate"
        label="Plans of"
        defaultValue={chosen}
        key={chosen}
        options={[
          { value: '', text: 'All directorates' },
          ...directorates.map((d) => ({ value: d, text: d })),
        ]}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Show
      </button>
    </form>
  );
}
