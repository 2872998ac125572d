import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from './useApi';

/**
 * A preview the server computes from what the editor is typing: `POST path` with `{ data }`
 * 300 ms after the last change of `body` (serialized, so a new object with the same content
 * sends nothing). Answers the latest `data`, or the server's reason for refusing it.
 */
export const useLivePreview = <T>(path: string, body: string) => {
  const { post } = useFetchClient();
  const [data, setData] = React.useState<T | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);

  React.useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      post<{ data: T }>(path, { data: JSON.parse(body) })
        .then(({ data: answer }) => {
          if (!current) return;
          setData(answer.data);
          setProblem(null);
        })
        .catch((error: unknown) => {
          if (current) setProblem(errorMessage(error));
        });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // Re-run on the request only, not on a new fetch client.
  }, [path, body]);

  return { data, problem };
};
