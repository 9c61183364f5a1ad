import { travelWords } from '../lib/travel.js';
import { useApi } from '../lib/use-api.js';

/**
 * The plan's direction of travel since its last closed period, as the dashboard counts it: how many
 * actions' RAG ratings improved, started, stayed, stopped or got worse.
 */
export function PlanTravel({ c, planId }: { c: string; planId: string }) {
  const board = useApi('/api/v1/councils/{c}/dashboard', { path: { c } });
  const plan = board.data?.plans.find((p) => p.planId === planId);
  if (!plan) return null;
  const t = plan.travel;
  return t ? (
    <p className="govuk-body" data-testid="plan-travel">
      <strong>Direction of travel since {t.since}:</strong> {travelWords(t.counts).join(', ')}.
    </p>
  ) : (
    <p className="govuk-body app-muted" data-testid="plan-travel">
      No reporting period closed yet: direction of travel starts at the first.
    </p>
  );
}
