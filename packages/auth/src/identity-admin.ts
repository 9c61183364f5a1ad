/**
 * Managing who can sign in: in AWS, Cognito's admin API (cognito-admin.ts); locally, the development
 * identity provider's user list (packages/devstack). The onboarding and member services use only this
 * interface, so both places run the same code.
 *
 * A user is one person across councils (a shared-service officer belongs to several); their roles are
 * groups: `council:<id>:<role>`, `partnership:<id>:partner-reader`, `platform:operator`.
 */
export interface IdentityUser {
  /** The subject of the user's tokens (Cognito's `sub`). */
  sub: string;
  /** Cognito's username: what admin calls address the user by. */
  username: string;
  email: string;
  groups: string[];
}

export interface IdentityAdmin {
  /**
   * The user with this email, created (and sent an invitation with a temporary password) if there is
   * none yet. `created` says which.
   */
  ensureUser(email: string, name: string): Promise<{ user: IdentityUser; created: boolean }>;
  findUser(email: string): Promise<IdentityUser | undefined>;
  /** Groups are created on first use (a new council's four role groups, a partnership's readers). */
  ensureGroup(group: string, description: string): Promise<void>;
  addToGroup(username: string, group: string): Promise<void>;
  removeFromGroup(username: string, group: string): Promise<void>;
  /** Ends every session the user has (refresh tokens revoked); their next sign-in starts afresh. */
  signOutEverywhere(username: string): Promise<void>;
  /** Removes the user altogether (a leaver in no council any more). */
  deleteUser(username: string): Promise<void>;
}
