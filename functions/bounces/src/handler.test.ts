import { describe, expect, it } from 'vitest';
import { handler } from './handler.js';
import { recordBounce } from './record-bounce.js';
import { SesEmailEvent } from './ses-event.js';

const mail = {
  timestamp: '2026-12-01T07:00:01.000Z',
  source: 'PeoplePlan <alerts@council.example>',
  messageId: '0102018f-abcd',
  destination: ['Jo.Bloggs@council.example'],
  tags: { 'ses:configuration-set': ['EmailConfiguration-abc'] },
};
const envelope = <D>(detailType: string, detail: D) => ({
  version: '0',
  id: 'e1',
  'detail-type': detailType,
  source: 'aws.ses',
  account: '123456789012',
  time: '2026-12-01T07:00:05Z',
  region: 'eu-west-2',
  resources: [],
  detail,
});
const bounce = envelope('Email Bounced', {
  eventType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [
      {
        emailAddress: 'Jo.Bloggs@council.example',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      },
    ],
    timestamp: '2026-12-01T07:00:04.000Z',
    feedbackId: 'f1',
  },
  mail,
});
const complaint = envelope('Email Complaint Received', {
  eventType: 'Complaint',
  complaint: {
    complainedRecipients: [{ emailAddress: 'cllr@council.example' }],
    complaintFeedbackType: 'abuse',
    timestamp: '2026-12-01T08:00:00.000Z',
  },
  mail,
});

describe('SES bounce and complaint events', () => {
  it('reports a permanent bounce as undeliverable, address lower-cased, with SES’s reason', () => {
    const logged: unknown[] = [];
    const out = recordBounce(SesEmailEvent.parse(bounce), { warn: (...a: unknown[]) => logged.push(a) });
    expect(out).toEqual([
      {
        address: 'jo.bloggs@council.example',
        kind: 'bounce',
        permanent: true,
        reason: 'Permanent/General: smtp; 550 5.1.1 user unknown',
        messageId: '0102018f-abcd',
        at: '2026-12-01T07:00:04.000Z',
      },
    ]);
    expect(logged).toHaveLength(1);
  });

  it('treats a transient bounce as not permanent, and a complaint as permanent', () => {
    const soft = structuredClone(bounce);
    soft.detail.bounce.bounceType = 'Transient';
    const quiet = { warn: () => {} };
    expect(recordBounce(SesEmailEvent.parse(soft), quiet)[0]?.permanent).toBe(false);
    expect(recordBounce(SesEmailEvent.parse(complaint), quiet)[0]).toMatchObject({
      address: 'cllr@council.example',
      kind: 'complaint',
      permanent: true,
      reason: 'abuse',
    });
  });

  it('fails on anything that is not an event (so it reaches the dead-letter queue), and on missing configuration', async () => {
    await expect(handler(envelope('Email Delivered', { eventType: 'Delivery', mail }))).rejects.toThrow(
      /not an SES bounce/,
    );
    await expect(handler({ hello: 'world' })).rejects.toThrow();
    // An event it could act on needs the pool and the table: without them it says which are missing.
    await expect(handler(bounce)).rejects.toThrow(/TABLE_NAME[\s\S]*USER_POOL_ID/);
    expect(complaint.detail.eventType).toBe('Complaint');
  });
});
