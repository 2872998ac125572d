import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Pagination } from '../../../plugin/contracts/admin';

export type Query = Record<string, string | number | undefined | null>;

/** A query string without the empty values: `?status=pending&page=2`. */
export const toQueryString = (query: Query = {}) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** Strapi's error message from a failed request, or the error's own. */
export const errorMessage = (error: unknown): string => {
  const response = (error as { response?: { data?: { error?: { message?: string } } } })?.response;
  return response?.data?.error?.message ?? (error as Error)?.message ?? String(error);
};

export interface Loaded<T> {
  data: T | undefined;
  pagination: Pagination | undefined;
  isLoading: boolean;
  error: unknown;
  refetch: () => void;
}

/** GETs `path` (null: nothing yet) and again whenever it changes or `refetch()` is called. */
export const useApi = <T>(path: string | null): Loaded<T> => {
  const { get } = useFetchClient();
  const [version, setVersion] = React.useState(0);
  const [state, setState] = React.useState<Omit<Loaded<T>, 'refetch'>>({
    data: undefined,
    pagination: undefined,
    isLoading: path !== null,
    error: undefined,
  });

  React.useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((previous) => ({ ...previous, isLoading: true }));
    get<{ data: T; meta?: { pagination?: Pagination } }>(path)
      .then(({ data: body }) => {
        if (current)
          setState({
            data: body.data,
            pagination: body.meta?.pagination,
            isLoading: false,
            error: undefined,
          });
      })
      .catch((error: unknown) => {
        if (current) setState((previous) => ({ ...previous, isLoading: false, error }));
      });
    return () => {
      current = false;
    };
    // `get` is left out: the fetch client may be a new object on every render.
  }, [path, version]);

  const refetch = React.useCallback(() => setVersion((value) => value + 1), []);
  return { ...state, refetch };
};

/** Downloads an export (CSV, PDF) with the admin's token, under the server's file name. */
export const useDownload = () => {
  const { get } = useFetchClient();
  return async (path: string, fallbackName: string) => {
    const response = await get<Blob>(path, { responseType: 'blob' });
    const url = URL.createObjectURL(response.data);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fallbackName;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
};
