import { useCallback, useEffect, useState } from 'react';
import { api, query } from './api/client';
import type { Listed } from './api/types';

export interface Resource<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

/** Loads `load()` when `key` changes; the last answer wins when several are in flight. */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: Error | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: Error) => current && setState({ data: null, error, loading: false })
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `key` says when it reads something else.
  }, [key, version]);

  return { ...state, reload };
}

/**
 * A portal list filtered by status, 25 a page: choosing another status goes back to page 1.
 * `rows` is the current page, empty until it has loaded.
 */
export function useStatusList<T>(path: string) {
  const [status, setStatus] = useState<string>('');
  const [page, setPage] = useState(1);
  const list = useResource(
    () => api.get<Listed<T>>(`${path}${query({ status, page, pageSize: 25 })}`),
    `${status}|${page}`
  );
  const filter = (value: string) => {
    setStatus(value);
    setPage(1);
  };
  return { list, rows: list.data?.data ?? [], status, filter, setPage };
}
