import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IdentityAdmin, IdentityUser } from '@peopleplan/auth';

interface StoredUser extends IdentityUser {
  name: string;
  /** When every session was ended (Cognito's global sign-out); kept for the record. */
  signedOutAt?: string;
}

interface Store {
  users: StoredUser[];
  groups: Record<string, string>;
}

/** A stable, UUID-shaped subject per email, as Cognito gives: the same person keeps the same id. */
export function devSub(email: string): string {
  const h = createHash('sha256').update(email.toLowerCase()).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The local stand-in for Cognito's user pool: who may sign in at the development identity provider,
 * and their groups. `npm start` keeps it in `.data/local-users.json`, read afresh on every sign-in, so
 * the `npm run council` CLI (another process) and the running app see the same users; tests keep it in
 * memory. It implements the same `IdentityAdmin` the app uses against Cognito in AWS.
 */
export class LocalUserDirectory implements IdentityAdmin {
  private memory: Store = { users: [], groups: {} };

  constructor(private readonly file?: string) {}

  private load(): Store {
    if (!this.file) return this.memory;
    if (!existsSync(this.file)) return { users: [], groups: {} };
    return JSON.parse(readFileSync(this.file, 'utf8')) as Store;
  }

  private save(store: Store): void {
    if (!this.file) {
      this.memory = store;
      return;
    }
    mkdirSync(dirname(this.file), { recursive: true });
    // Written whole and renamed into place: a reader never sees half a file.
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(store, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  private change(fn: (store: Store) => void): void {
    const store = this.load();
    fn(store);
    this.save(store);
  }

  private find(store: Store, usernameOrEmail: string): StoredUser | undefined {
    const key = usernameOrEmail.toLowerCase();
    return store.users.find((u) => u.username === usernameOrEmail || u.email === key);
  }

  /** Everyone who may sign in (the sign-in page lists them locally). */
  users(): Array<Pick<StoredUser, 'email' | 'name' | 'groups'>> {
    return this.load().users.map(({ email, name, groups }) => ({ email, name, groups }));
  }

  async findUser(email: string): Promise<IdentityUser | undefined> {
    const u = this.find(this.load(), email);
    return u && { sub: u.sub, username: u.username, email: u.email, groups: [...u.groups] };
  }

  /** The user a sign-in is for, with their name (the token itself carries none). */
  signInUser(email: string): StoredUser | undefined {
    return this.find(this.load(), email);
  }

  async ensureUser(email: string, name: string): Promise<{ user: IdentityUser; created: boolean }> {
    const existing = await this.findUser(email);
    if (existing) return { user: existing, created: false };
    const sub = devSub(email);
    const user: StoredUser = { sub, username: sub, email: email.toLowerCase(), name, groups: [] };
    this.change((s) => s.users.push(user));
    return { user: { sub, username: sub, email: user.email, groups: [] }, created: true };
  }

  async ensureGroup(group: string, description: string): Promise<void> {
    this.change((s) => {
      s.groups[group] ??= description;
    });
  }

  async addToGroup(username: string, group: string): Promise<void> {
    this.change((s) => {
      const u = this.find(s, username);
      if (!u) throw new Error(`no such user: ${username}`);
      if (!(group in s.groups)) throw new Error(`no such group: ${group}`);
      if (!u.groups.includes(group)) u.groups.push(group);
    });
  }

  async removeFromGroup(username: string, group: string): Promise<void> {
    this.change((s) => {
      const u = this.find(s, username);
      if (u) u.groups = u.groups.filter((g) => g !== group);
    });
  }

  async signOutEverywhere(username: string): Promise<void> {
    this.change((s) => {
      const u = this.find(s, username);
      if (u) u.signedOutAt = new Date().toISOString();
    });
  }

  async deleteUser(username: string): Promise<void> {
    this.change((s) => {
      s.users = s.users.filter((u) => u.username !== username && u.email !== username.toLowerCase());
    });
  }
}
