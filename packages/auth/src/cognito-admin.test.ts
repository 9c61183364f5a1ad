import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  GroupExistsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CognitoIdentityAdmin } from './cognito-admin.js';

/** The calls the onboarding service makes of Cognito, checked against the SDK's own request shapes. */
const POOL = 'eu-west-2_AbCdEf123';
const cognito = mockClient(CognitoIdentityProviderClient);
const admin = () =>
  new CognitoIdentityAdmin(new CognitoIdentityProviderClient({ region: 'eu-west-2' }), POOL);
const fault = <T extends Error>(E: new (o: { message: string; $metadata: object }) => T) =>
  new E({ message: 'x', $metadata: {} });

describe('CognitoIdentityAdmin', () => {
  beforeEach(() => cognito.reset());

  it('invites someone new: AdminCreateUser by email, verified, with an email invitation', async () => {
    cognito.on(AdminGetUserCommand).rejects(fault(UserNotFoundException));
    cognito.on(AdminCreateUserCommand).resolves({
      User: { Username: 'uuid-1', Attributes: [{ Name: 'sub', Value: 'uuid-1' }] },
    });
    const { user, created } = await admin().ensureUser('Jo.Bloggs@Wessex.gov.uk', 'Jo Bloggs');
    expect(created).toBe(true);
    expect(user).toEqual({ sub: 'uuid-1', username: 'uuid-1', email: 'jo.bloggs@wessex.gov.uk', groups: [] });
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'jo.bloggs@wessex.gov.uk',
      UserAttributes: [
        { Name: 'email', Value: 'jo.bloggs@wessex.gov.uk' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Jo Bloggs' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
  });

  it('finds someone who has a sign-in already (another council’s officer) and creates nothing', async () => {
    cognito.on(AdminGetUserCommand).resolves({
      Username: 'uuid-2',
      UserAttributes: [
        { Name: 'sub', Value: 'uuid-2' },
        { Name: 'email', Value: 'officer@shared.gov.uk' },
      ],
    });
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'council:harrow:editor' }] });
    const { user, created } = await admin().ensureUser('officer@shared.gov.uk', 'Officer');
    expect(created).toBe(false);
    expect(user.groups).toEqual(['council:harrow:editor']);
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminListGroupsForUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'uuid-2',
      Limit: 60,
    });
  });

  it('finds the sign-in another invitation made between its look-up and its create (two at once)', async () => {
    // The first look-up finds no one; the create then meets the sign-in the other invitation made.
    cognito
      .on(AdminGetUserCommand)
      .rejectsOnce(fault(UserNotFoundException))
      .resolves({
        Username: 'uuid-4',
        UserAttributes: [
          { Name: 'sub', Value: 'uuid-4' },
          { Name: 'email', Value: 'jo.race@wessex.gov.uk' },
        ],
      });
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'council:wessex:admin' }] });
    cognito.on(AdminCreateUserCommand).rejects(fault(UsernameExistsException));
    const { user, created } = await admin().ensureUser('Jo.Race@Wessex.gov.uk', 'Jo Race');
    expect(created).toBe(false);
    expect(user).toEqual({
      sub: 'uuid-4',
      username: 'uuid-4',
      email: 'jo.race@wessex.gov.uk',
      groups: ['council:wessex:admin'],
    });
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(1);
  });

  it('moves groups, signs out everywhere, and creates a group once', async () => {
    cognito.on(CreateGroupCommand).rejects(fault(GroupExistsException));
    const a = admin();
    await a.ensureGroup('council:wessex:editor', 'Wessex editors');
    await a.addToGroup('uuid-3', 'council:wessex:viewer');
    await a.removeFromGroup('uuid-3', 'council:wessex:editor');
    await a.signOutEverywhere('uuid-3');
    expect(cognito.commandCalls(CreateGroupCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      GroupName: 'council:wessex:editor',
      Description: 'Wessex editors',
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'uuid-3',
      GroupName: 'council:wessex:viewer',
    });
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'uuid-3',
      GroupName: 'council:wessex:editor',
    });
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'uuid-3',
    });
  });
});
