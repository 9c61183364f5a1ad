import { createHash } from 'node:crypto';

/** The SHA-256 of a secret link's token: what is stored and looked up, never the token (secret-links.ts). */
export const hashSecret = (token: string): string => createHash('sha256').update(token).digest('hex');
