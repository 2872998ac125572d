import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorMessage } from './useApi';

/**
 * POST/PUT/DELETE with the admin's token, a success toast and Strapi's error message on failure.
 * Resolves with the answer's `data`, or undefined when the request failed.
 */
export const useAction = () => {
  const { post, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();

  const run = async <T>(
    request: () => Promise<{ data: { data: T } | undefined }>,
    success?: string
  ) => {
    try {
      const { data } = await request();
      if (success) toggleNotification({ type: 'success', message: success });
      return (data?.data ?? null) as T;
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      return undefined;
    }
  };

  return {
    post: <T>(path: string, data: unknown, success?: string) =>
      run<T>(() => post(path, { data }), success),
    put: <T>(path: string, data: unknown, success?: string) =>
      run<T>(() => put(path, { data }), success),
    del: <T>(path: string, success?: string) => run<T>(() => del(path), success),
    notify: (message: string) => toggleNotification({ type: 'success', message }),
    /** Done, but not all of it (an e-mail that did not go out): the server's reason is in it. */
    warn: (message: string) => toggleNotification({ type: 'warning', message }),
  };
};
