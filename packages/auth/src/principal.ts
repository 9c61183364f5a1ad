import { type CouncilRole, type PartnershipRole, parseGroups } from '@peopleplan/core';

/** The verified caller: identity from the token, councils and partnerships from its groups. */
export interface Principal {
  sub: string;
  email?: string | undefined;
  name: string;
  councils: Record<string, CouncilRole>;
  partnerships: Record<string, PartnershipRole>;
}

export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const groups = Array.isArray(claims['cognito:groups'])
    ? (claims['cognito:groups'] as unknown[]).filter((g): g is string => typeof g === 'string')
    : [];
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const name =
    (typeof claims.name === 'string' && claims.name) ||
    email ||
    (typeof claims.username === 'string' ? claims.username : undefined) ||
    String(claims.sub);
  return { sub: String(claims.sub), email, name, ...parseGroups(groups) };
}
