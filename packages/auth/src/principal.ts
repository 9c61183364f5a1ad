import { type CouncilRole, type PartnershipRole, parseGroups } from '@peopleplan/core';

/**
 * The verified caller. An access token (Cognito's, or the local identity provider's, shaped exactly
 * alike) says who and which groups, nothing more: no email, no name. Those come from the member,
 * reader or operator records the app keeps, read on each request.
 */
export interface Principal {
  sub: string;
  /** Cognito's username (for an email sign-in, the user's id): shown only when nothing better is known. */
  username: string;
  /** A display name until a record gives a better one. */
  name: string;
  email?: string | undefined;
  councils: Record<string, CouncilRole>;
  partnerships: Record<string, PartnershipRole>;
  operator: boolean;
}

export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const groups = Array.isArray(claims['cognito:groups'])
    ? (claims['cognito:groups'] as unknown[]).filter((g): g is string => typeof g === 'string')
    : [];
  const sub = String(claims.sub);
  const username = typeof claims.username === 'string' && claims.username ? claims.username : sub;
  return { sub, username, name: username, ...parseGroups(groups) };
}
