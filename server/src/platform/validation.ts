import { errors } from '@strapi/utils';
import type { z } from 'zod';

type Issue = { path: string[]; message: string };

const MAX_DEPTH = 32;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Strings no column can hold faithfully: PostgreSQL refuses NUL (0x00) in text, and a lone UTF-16
 * surrogate cannot be encoded as UTF-8. Found anywhere in the input, before any schema runs, so
 * every route answers 400 for them on every database rather than failing in the driver.
 */
const unstorableStrings = (value: unknown, path: string[] = [], depth = 0): Issue[] => {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return [{ path, message: 'must not contain NUL characters' }];
    if (LONE_SURROGATE.test(value)) return [{ path, message: 'must be valid Unicode text' }];
    return [];
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return [];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) =>
    unstorableStrings(key, [...path, String(key)], depth + 1).concat(
      unstorableStrings(item, [...path, String(key)], depth + 1)
    )
  );
};

const reject = (issues: Issue[]): never => {
  const first = issues[0];
  const where = first.path.length ? `${first.path.join('.')}: ` : '';
  throw new errors.ValidationError(`${where}${first.message}`, { errors: issues });
};

/**
 * Parses untrusted input with a contract from plugin/contracts. Anything that does not fit is a
 * 400 in Strapi's error shape, with every problem listed by path, and nothing is stored.
 */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const unstorable = unstorableStrings(input);
  if (unstorable.length > 0) reject(unstorable);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  return reject(
    result.error.issues.map((issue) => ({
      path: issue.path.map(String),
      message: issue.message,
    }))
  );
};
