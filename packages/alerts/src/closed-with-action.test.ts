import { provisionCouncil } from '@peopleplan/db';
import { describe, expect, it } from 'vitest';
import { runAlertJob } from './job.js';
import { catcher, date, inbox, smtpSink, system, TODAY, table, WEB, wired } from './job-test-world.js';

describe('a completed action’s milestones', () => {
  it('send no slip alert: they closed with it', async () => {
    const { doc, tableName } = await table();
    await provisionCouncil(doc, tableName, { id: 'harrow', name: 'Harrow' });
    const harrow = system(doc, tableName, 'harrow');
    const ava = await harrow.people.create({ name: 'Ava Lead', email: 'ava@harrow.test' });
    const { plan } = await harrow.plans.create({
      title: 'Workforce plan',
      kind: 'business-plan',
      period: {},
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      themes: [],
    });
    const withLateMilestone = async (title: string) => {
      const action = await harrow.actions.create(plan.id, {
        ref: '',
        title,
        leads: [{ role: 'operational', label: ava.name, personId: ava.id }],
        status: 'on-track',
        crossRefs: [],
      });
      await harrow.milestones.create(action.id, {
        ref: '',
        title: `Milestone of ${title}`,
        due: date(-3),
        linkedActionIds: [],
        status: 'not-started',
      });
      return action;
    };
    const finished = await withLateMilestone('Finished work');
    await withLateMilestone('Work still going');
    await harrow.actions.update(finished.id, { version: finished.version, status: 'completed' }, TODAY);

    const start = catcher.messages().length;
    await runAlertJob({
      ...wired(doc, tableName),
      today: TODAY,
      webBaseUrl: WEB,
      sink: smtpSink(),
      staleProgress: 'never',
    });
    const ava1 = inbox(start).get('ava@harrow.test');
    expect(ava1).toHaveLength(1);
    expect(ava1![0]!.text).toContain('Milestone of Work still going');
    expect(ava1![0]!.text).not.toContain('Finished work');
  });
});
