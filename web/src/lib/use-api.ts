import { useCallback, useEffect, useState } from 'react';
import { api } from './api.js';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the data after a write that returned the new state (no refetch needed). */
  setData: (d: T) => void;
}

/** GET a path and keep the answer; `null` fetches nothing. A new path aborts the old request. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: Error }>({ path: null });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload of the same path
  useEffect(() => {
    if (!path) return;
    const ctrl = new AbortController();
    api.get<T>(path, ctrl.signal).then(
      (data) => setState({ path, data }),
      (error: Error) => {
        if (error.name !== 'AbortError') setState({ path, error });
      },
    );
    return () => ctrl.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((d: T) => setState({ path, data: d }), [path]);
  const current = state.path === path;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: Boolean(path) && (!current || (state.data === undefined && state.error === undefined)),
    reload,
    setData,
  };
}
