import { useCallback, useEffect, useState } from 'react';
import { type ApiData, type ApiInit, type ApiPath, api } from './api.js';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the data after a write that returned the new state (no refetch needed). */
  setData: (d: T) => void;
}

type Params<P extends ApiPath<'get'>> = NonNullable<ApiInit<'get', P>>['params'];

/**
 * GET a path of the API with its parameters and keep the answer; `null` parameters fetch nothing (a
 * page that waits for another answer, or a role that may not read it). New parameters abort the old
 * request.
 */
export function useApi<P extends ApiPath<'get'>>(
  path: P,
  params: Params<P> | null,
): Loaded<ApiData<'get', P>> {
  type T = ApiData<'get', P>;
  const key = params === null ? null : `${path} ${JSON.stringify(params ?? {})}`;
  const [state, setState] = useState<{ key: string | null; data?: T; error?: Error }>({ key: null });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for path and params; tick forces a reload
  useEffect(() => {
    if (key === null) return;
    const ctrl = new AbortController();
    // `P` is open here: the call is typed at the hook's signature instead.
    const get = api.get as (p: string, init: object) => Promise<T>;
    get(path, { params, signal: ctrl.signal }).then(
      (data) => setState({ key, data }),
      (error: Error) => {
        if (error.name !== 'AbortError') setState({ key, error });
      },
    );
    return () => ctrl.abort();
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((d: T) => setState({ key, data: d }), [key]);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || (state.data === undefined && state.error === undefined)),
    reload,
    setData,
  };
}
