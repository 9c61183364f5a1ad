import { type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ROLE_LABELS } from '../lib/labels.js';
import { useSession } from '../lib/session.js';
import { HeaderSearch } from './header-search.js';

/** Whether the screen is at least GOV.UK's tablet width (the service navigation and wide tables). */
export function useWide(query = '(min-width: 40.0625em)') {
  const [wide, setWide] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setWide(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return wide;
}

interface NavItem {
  href: string;
  text: string;
  /** Also active for paths under it. */
  prefix?: boolean;
  /** Also active for paths under this one (a section that is not under `href`). */
  section?: string;
}

function councilNav(c: string, role: string | undefined): NavItem[] {
  const items: NavItem[] = [{ href: `/councils/${c}`, text: 'Dashboard' }];
  // Viewers (councillors) report on nothing: the actions they might lead are read on the plans.
  if (role !== 'viewer') items.push({ href: `/councils/${c}/my-actions`, text: 'My actions', prefix: true });
  items.push({ href: `/councils/${c}/people`, text: 'People', prefix: true });
  if (role === 'admin' || role === 'editor')
    items.push({ href: `/councils/${c}/import`, text: 'Import a plan' });
  if (role === 'admin') {
    items.push({ href: `/councils/${c}/settings`, text: 'Settings' });
    items.push({ href: `/councils/${c}/partnerships`, text: 'Partnerships' });
    items.push({ href: `/councils/${c}/members`, text: 'Members' });
  }
  items.push({ href: `/councils/${c}/alert-preferences`, text: 'Your alerts' });
  return items;
}

/** The partnership's pages, for its partner readers: the shared plans open from the overview. */
function partnershipNav(p: string): NavItem[] {
  return [
    { href: `/partnerships/${p}`, text: 'Overview', section: `/partnerships/${p}/councils` },
    { href: `/partnerships/${p}/milestones`, text: 'Overdue and re-baselined' },
    { href: `/partnerships/${p}/compare`, text: 'Side by side' },
  ];
}

/** GOV.UK page template: skip link, header, service navigation, main (from the page), footer. */
export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const { me } = useSession();
  const councilId = /^\/councils\/([^/]+)/.exec(location)?.[1];
  const partnershipId = /^\/partnerships\/([^/]+)/.exec(location)?.[1];
  const council = me?.councils.find((c) => c.id === councilId);
  const partnership = me?.partnerships.find((p) => p.id === partnershipId);
  const partnershipName = partnership?.name;
  const items: NavItem[] = me
    ? [
        ...(council ? councilNav(council.id, council.role) : []),
        ...(partnership ? partnershipNav(partnership.id) : []),
        ...(me.operator ? [{ href: '/operator', text: 'Service operator' }] : []),
        ...(me.councils.length + me.partnerships.length > 1 || (!council && me.councils.length)
          ? [{ href: '/', text: council ? 'Change council' : 'Your councils' }]
          : []),
        { href: '/sign-out', text: 'Sign out' },
      ]
    : [];
  /** `page` on the item's own page; `true` (the current section) on pages under it. */
  const current = (i: NavItem): 'page' | 'true' | undefined =>
    location === i.href
      ? 'page'
      : (i.prefix === true && location.startsWith(`${i.href}/`)) ||
          (i.section !== undefined && location.startsWith(`${i.section}/`))
        ? 'true'
        : undefined;
  const serviceName = council?.name ?? (partnershipId ? (partnershipName ?? 'Partnership') : undefined);

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: GOV.UK skip link; the href works alone, the handler moves focus too */}
      <a
        href="#main-content"
        className="govuk-skip-link"
        onClick={(e) => {
          const main = document.getElementById('main-content');
          if (!main) return;
          e.preventDefault();
          main.setAttribute('tabindex', '-1');
          main.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="govuk-generic-header app-header">
        <div className="govuk-generic-header__container govuk-width-container app-header__container">
          <div className="govuk-generic-header__logo">
            <Link href="/" className="govuk-generic-header__homepage-link">
              PeoplePlan
            </Link>
          </div>
          {council ? <HeaderSearch c={council.id} /> : null}
          {me ? (
            <p className="app-header__user">
              <span className="govuk-visually-hidden">Signed in as </span>
              {me.name}
              {council ? <span className="app-header__role"> · {ROLE_LABELS[council.role]}</span> : null}
            </p>
          ) : null}
        </div>
      </header>
      {items.length || serviceName ? (
        <ServiceNavigation
          items={items}
          serviceName={serviceName}
          home={
            council ? `/councils/${council.id}` : partnership ? `/partnerships/${partnership.id}` : undefined
          }
          current={current}
        />
      ) : null}
      <div className="govuk-width-container app-width-container">{children}</div>
      <footer className="govuk-footer app-no-print">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">About this service</h2>
              <p className="govuk-body-s app-footer-text">
                PeoplePlan keeps councils’ people and workforce action plans, their progress and reports.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}

/** GOV.UK service navigation: the council's or partnership's name, and the menu (a toggle on narrow screens). */
function ServiceNavigation({
  items,
  serviceName,
  home,
  current,
}: {
  items: NavItem[];
  serviceName: string | undefined;
  /** Where the service name links to. */
  home: string | undefined;
  current: (i: NavItem) => 'page' | 'true' | undefined;
}) {
  const [location] = useLocation();
  const wide = useWide();
  const [open, setOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes after each navigation
  useEffect(() => setOpen(false), [location]);
  return (
    <section aria-label="Service information" className="govuk-service-navigation app-no-print">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          {serviceName ? (
            <span className="govuk-service-navigation__service-name">
              {home ? (
                <Link href={home} className="govuk-service-navigation__link">
                  {serviceName}
                </Link>
              ) : (
                <span className="govuk-service-navigation__text">{serviceName}</span>
              )}
            </span>
          ) : null}
          {items.length ? (
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              {!wide ? (
                <button
                  type="button"
                  className="govuk-service-navigation__toggle"
                  aria-controls="navigation"
                  aria-expanded={open}
                  onClick={() => setOpen(!open)}
                >
                  Menu
                </button>
              ) : null}
              <ul className="govuk-service-navigation__list" id="navigation" hidden={!wide && !open}>
                {items.map((i) => {
                  const active = current(i);
                  return (
                    <li
                      key={i.href}
                      className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                    >
                      <Link className="govuk-service-navigation__link" href={i.href} aria-current={active}>
                        {active ? (
                          <strong className="govuk-service-navigation__active-fallback">{i.text}</strong>
                        ) : (
                          i.text
                        )}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  );
}
