/**
 * Sign-in in AWS (issue 13, item 5): TOTP MFA for everyone, Cognito's mail through SES from the stage's
 * sender domain once it is verified, the operators' group, token lifetimes and revocation.
 */
import { OPERATOR_GROUP } from '@peopleplan/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_GROUP_NAME } from '../../infra/lib/stacks/auth-stack.js';
import { type Synthesized, synthPeoplePlan, type Template } from '../../infra/lib/testing.js';

type Json = Record<string, unknown>;
const props = (t: Template, type: string) => {
  const all = Object.values(t.findResources(type) as Record<string, { Properties: Json }>);
  expect(all, type).toHaveLength(1);
  return all[0]!.Properties;
};
const pool = (s: Synthesized) => props(s.templates.auth, 'AWS::Cognito::UserPool');
const SENDER = { senderEmail: 'alerts@council.example' };

let plain: Synthesized;
let pending: Synthesized;
let verified: Synthesized;
beforeAll(() => {
  plain = synthPeoplePlan();
  pending = synthPeoplePlan({ context: SENDER });
  verified = synthPeoplePlan({ context: { ...SENDER, senderVerified: 'true' } });
}, 180_000);

describe('the user pool', () => {
  it('requires TOTP MFA of everyone (Cognito cannot require it per group), no SMS or email codes', () => {
    for (const s of [plain, verified]) {
      expect(pool(s)).toMatchObject({ MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    }
  });

  it('sends invitations and codes through SES from the verified sender domain, with its configuration set', () => {
    expect(pool(verified).EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: 'PeoplePlan <alerts@council.example>',
      ConfigurationSet: 'peopleplan-test',
    });
    expect(JSON.stringify(pool(verified).EmailConfiguration)).toContain(':identity/council.example');
    // The configuration set Cognito names is the one whose bounces reach the bounce handler.
    const set = props(verified.templates.jobs, 'AWS::SES::ConfigurationSet');
    expect(set.Name).toBe('peopleplan-test');
  });

  it("keeps Cognito's own sender until the domain is verified, and warns at synth", () => {
    for (const s of [plain, pending]) {
      expect(pool(s).EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
    }
    const warnings = (s: Synthesized) =>
      s.assembly.getStackArtifact(s.stacks.auth.artifactId).messages.filter((m) => m.level === 'warning');
    expect(JSON.stringify(warnings(pending))).toContain('senderVerified=true');
    expect(warnings(verified)).toEqual([]);
  });

  it('creates the operators’ group the app checks for', () => {
    expect(OPERATOR_GROUP_NAME).toBe(OPERATOR_GROUP);
    expect(props(plain.templates.auth, 'AWS::Cognito::UserPoolGroup')).toMatchObject({
      GroupName: OPERATOR_GROUP,
    });
  });

  it('issues one-hour access and ID tokens, 12-hour refresh tokens, revocable', () => {
    expect(props(plain.templates.web, 'AWS::Cognito::UserPoolClient')).toMatchObject({
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 720,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      EnableTokenRevocation: true,
    });
  });
});
