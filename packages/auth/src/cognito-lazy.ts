import type { IdentityAdmin } from './identity-admin.js';

/**
 * An IdentityAdmin made on its first use. The Cognito SDK client takes longer to load than the rest of
 * a function's start (docs/architecture.md, "Cold starts"), and only a few requests (inviting, removing
 * members, a hard bounce) need it. A failed load is tried again on the next call.
 */
export function lazyIdentityAdmin(load: () => Promise<IdentityAdmin>): IdentityAdmin {
  let loading: Promise<IdentityAdmin> | undefined;
  const admin = () => {
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
  return {
    ensureUser: async (email, name) => (await admin()).ensureUser(email, name),
    findUser: async (email) => (await admin()).findUser(email),
    ensureGroup: async (group, description) => (await admin()).ensureGroup(group, description),
    addToGroup: async (username, group) => (await admin()).addToGroup(username, group),
    removeFromGroup: async (username, group) => (await admin()).removeFromGroup(username, group),
    signOutEverywhere: async (username) => (await admin()).signOutEverywhere(username),
    deleteUser: async (username) => (await admin()).deleteUser(username),
  };
}

/** Cognito's admin API for a user pool, its SDK loaded with the first call. */
export const cognitoIdentityAdmin = (region: string | undefined, userPoolId: string): IdentityAdmin =>
  lazyIdentityAdmin(async () => {
    const [{ CognitoIdentityProviderClient }, { CognitoIdentityAdmin }] = await Promise.all([
      import('@aws-sdk/client-cognito-identity-provider'),
      import('./cognito-admin.js'),
    ]);
    return new CognitoIdentityAdmin(new CognitoIdentityProviderClient({ region }), userPoolId);
  });
