import { Link } from 'wouter';
import { Page } from '../components/page.js';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        If you followed a link, you may not have access to this council or plan. Ask your council’s PeoplePlan
        administrator.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" href="/">
          Go to your councils
        </Link>
      </p>
    </Page>
  );
}
