import type { FormEvent } from 'react';
import { useLocation } from 'wouter';

/** The search box in the header, on every council page: opens the search page with the words. */
export function HeaderSearch({ c }: { c: string }) {
  const [, navigate] = useLocation();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    navigate(q ? `/councils/${c}/search?q=${encodeURIComponent(q)}` : `/councils/${c}/search`);
    e.currentTarget.reset();
  };
  return (
    <search aria-label="Search this council" className="app-header-search app-no-print">
      <form onSubmit={submit}>
        <label className="govuk-visually-hidden" htmlFor="header-q">
          Search plans, actions, people and updates
        </label>
        <input className="govuk-input app-header-search__input" id="header-q" name="q" type="search" />
        <button type="submit" className="govuk-button govuk-button--secondary app-header-search__button">
          Search
        </button>
      </form>
    </search>
  );
}
