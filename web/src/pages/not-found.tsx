import { Page } from '../components/page.js';

/** An address the app does not know, or a council the person is not a member of. */
export function NotFoundPage() {
  return <Page title="Page not found" notFound />;
}
