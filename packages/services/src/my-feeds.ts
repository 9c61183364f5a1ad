import { type CouncilData, calendarFeedsOf } from '@peopleplan/db';

export interface MyFeed {
  scope: 'person' | 'plan';
  subjectId: string;
  /** The person's name or the plan's title. */
  subjectName: string;
  createdAt: string;
  createdBy: string;
}

/**
 * The caller's own calendar feeds in the council, newest first: those they made, and the one of the
 * person they are linked to; a feed whose person or plan is gone is left out. Never the URLs.
 */
export async function myCalendarFeeds(data: CouncilData): Promise<MyFeed[]> {
  const { actor } = data.ctx;
  const feeds = (await calendarFeedsOf(data).listCurrent()).filter(
    (f) => f.createdBy.sub === actor.sub || (f.scope === 'person' && f.subjectId === actor.personId),
  );
  const [plans, people] = await Promise.all([
    feeds.some((f) => f.scope === 'plan') ? data.plans.listAll() : [],
    feeds.some((f) => f.scope === 'person') ? data.people.list() : [],
  ]);
  const names = new Map<string, string>([
    ...plans.map((p) => [p.id, p.title] as [string, string]),
    ...people.map((p) => [p.id, p.name] as [string, string]),
  ]);
  return feeds.flatMap((f) => {
    const subjectName = names.get(f.subjectId);
    return subjectName
      ? [
          {
            scope: f.scope,
            subjectId: f.subjectId,
            subjectName,
            createdAt: f.createdAt,
            createdBy: f.createdBy.name,
          },
        ]
      : [];
  });
}
