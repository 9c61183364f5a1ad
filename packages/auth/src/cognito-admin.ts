import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  type AdminCreateUserCommandOutput,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  GroupExistsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityAdmin, IdentityUser } from './identity-admin.js';

/**
 * Cognito's admin API behind `IdentityAdmin`. The pool signs in by email (email is the username
 * attribute), so admin calls may address a user by email or by their id; Cognito sends the invitation
 * (through SES from the stage's sender domain: infra/lib/stacks/auth-stack.ts).
 */
export class CognitoIdentityAdmin implements IdentityAdmin {
  constructor(
    private readonly client: Pick<CognitoIdentityProviderClient, 'send'>,
    private readonly userPoolId: string,
  ) {}

  private async user(username: string): Promise<IdentityUser | undefined> {
    try {
      const u = await this.client.send(
        new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }),
      );
      const attr = (n: string) => u.UserAttributes?.find((a) => a.Name === n)?.Value;
      const groups = await this.client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: u.Username!, Limit: 60 }),
      );
      return {
        sub: attr('sub') ?? u.Username!,
        username: u.Username!,
        email: attr('email') ?? username,
        groups: (groups.Groups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : [])),
      };
    } catch (e) {
      if (e instanceof UserNotFoundException) return undefined;
      throw e;
    }
  }

  findUser(email: string): Promise<IdentityUser | undefined> {
    return this.user(email.toLowerCase());
  }

  async ensureUser(email: string, name: string): Promise<{ user: IdentityUser; created: boolean }> {
    const existing = await this.findUser(email);
    if (existing) return { user: existing, created: false };
    let r: AdminCreateUserCommandOutput;
    try {
      r = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: email.toLowerCase(),
          UserAttributes: [
            { Name: 'email', Value: email.toLowerCase() },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: name },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    } catch (e) {
      // Another invitation of the same person made their sign-in since the look-up (two sent at once):
      // it is theirs too; the member record then says which invitation went in (services/onboarding.ts).
      const made = e instanceof UsernameExistsException ? await this.findUser(email) : undefined;
      if (!made) throw e;
      return { user: made, created: false };
    }
    const attr = (n: string) => r.User?.Attributes?.find((a) => a.Name === n)?.Value;
    const username = r.User?.Username ?? email.toLowerCase();
    return {
      user: { sub: attr('sub') ?? username, username, email: email.toLowerCase(), groups: [] },
      created: true,
    };
  }

  async ensureGroup(group: string, description: string): Promise<void> {
    try {
      await this.client.send(
        new CreateGroupCommand({ UserPoolId: this.userPoolId, GroupName: group, Description: description }),
      );
    } catch (e) {
      if (!(e instanceof GroupExistsException)) throw e;
    }
  }

  async addToGroup(username: string, group: string): Promise<void> {
    await this.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: group }),
    );
  }

  async removeFromGroup(username: string, group: string): Promise<void> {
    await this.client.send(
      new AdminRemoveUserFromGroupCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        GroupName: group,
      }),
    );
  }

  async signOutEverywhere(username: string): Promise<void> {
    await this.client.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }),
    );
  }

  async deleteUser(username: string): Promise<void> {
    try {
      await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    } catch (e) {
      if (!(e instanceof UserNotFoundException)) throw e;
    }
  }
}
