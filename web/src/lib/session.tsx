import type { CouncilRole } from '@peopleplan/core';
import { createContext, type ReactNode, useContext } from 'react';
import type { RuntimeConfig } from './config.js';
import type { Me } from './responses.js';

export type { Me };

export interface Session {
  config: RuntimeConfig;
  /** Undefined until signed in. */
  me: Me | undefined;
  signIn: () => Promise<void>;
  signOut: () => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ value, children }: { value: Session; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

const RANK: Record<CouncilRole, number> = { viewer: 0, contributor: 1, editor: 2, admin: 3 };

/** The signed-in person's role in a council, and whether it reaches `needed`. */
export function useCouncil(councilId: string) {
  const { me } = useSession();
  const council = me?.councils.find((c) => c.id === councilId);
  const can = (needed: CouncilRole) => Boolean(council && RANK[council.role] >= RANK[needed]);
  return {
    council,
    role: council?.role,
    can,
    /**
     * Whether the person may report progress on an action: editors on any, contributors on those they
     * lead (through their linked person), as the API decides (db UpdatesRepo.assertMayReport).
     */
    mayReport: (a: { leads: ReadonlyArray<{ personId?: string | undefined }> }) =>
      can('editor') ||
      (can('contributor') && !!council?.personId && a.leads.some((l) => l.personId === council.personId)),
  };
}
