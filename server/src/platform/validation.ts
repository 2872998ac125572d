import { errors } from '@strapi/utils';
import type { z } from 'zod';

/**
 * Parses untrusted input with a contract from plugin/contracts. Anything that does not fit is a
 * 400 in Strapi's error shape, with every problem listed by path, and nothing is stored.
 */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first.path.length ? `${first.path.join('.')}: ` : '';
  throw new errors.ValidationError(`${where}${first.message}`, { errors: issues });
};
