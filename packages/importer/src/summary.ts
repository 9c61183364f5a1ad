import type { ParsedAction, ParsedPlan } from './parsed-plan.js';

const count = (actions: ParsedAction[]) => actions.reduce((n, a) => n + a.subActions.length, 0);

/** A readable account of what was found, for the CLI and logs. */
export function summarize(plan: ParsedPlan): string {
  const out: string[] = [];
  out.push(`${plan.title}`);
  out.push(
    `kind: ${plan.kind}   format: ${plan.format}${plan.period?.label ? `   period: ${plan.period.label}` : ''}`,
  );
  if (plan.directorate || plan.division)
    out.push(`unit: ${[plan.directorate, plan.division].filter(Boolean).join(' / ')}`);
  const actions = plan.themes.flatMap((t) => t.actions);
  out.push(
    `themes: ${plan.themes.length}   actions: ${actions.length}   sub-actions: ${count(actions)}   ` +
      `action milestones: ${actions.reduce((n, a) => n + a.milestones.length, 0)}`,
  );
  for (const t of plan.themes) {
    const leads = new Set(t.actions.flatMap((a) => a.leads.map((l) => l.label)));
    out.push(
      // An unnumbered group ("Actions") has no number to print.
      `  ${t.ref ? `${t.ref.padStart(2)}.` : '   '} ${t.title.slice(0, 60).padEnd(60)} ${String(t.actions.length).padStart(3)} actions, ` +
        `${count(t.actions)} sub-actions, ${leads.size} leads`,
    );
  }
  out.push(
    `key milestones: ${plan.milestones.length}   risks: ${plan.risks.length}   indicators: ${plan.indicators.length}   ` +
      `continuity: ${plan.continuity.length}   decisions: ${plan.decisions.length}   dependencies: ${plan.dependencies.length}`,
  );
  out.push(`sections: ${plan.sections.map((s) => s.key).join(', ') || 'none'}`);
  const unplaced = plan.unplaced.length + actions.reduce((n, a) => n + a.unplaced.length, 0);
  out.push(`unplaced text: ${unplaced}`);
  out.push(`warnings: ${plan.warnings.length}`);
  const byCode = new Map<string, number>();
  for (const w of plan.warnings) byCode.set(w.code, (byCode.get(w.code) ?? 0) + 1);
  for (const [code, n] of byCode) out.push(`  ${code}: ${n}`);
  for (const w of plan.warnings.slice(0, 20)) out.push(`  - [${w.where}] ${w.message}`);
  if (plan.warnings.length > 20) out.push(`  … ${plan.warnings.length - 20} more (use --json)`);
  return out.join('\n');
}
