import { errors } from '@strapi/utils';

type StatusError = Error & { status: number; statusCode: number; expose: true; details: unknown };

/**
 * 409 and 410 in Strapi's error shape. @strapi/utils has no application error for them, and an
 * unknown error would be logged as a crash; Strapi answers an http-errors `HttpError` (what koa's
 * `ctx.throw` makes) as it is, so these are made of that kind.
 */
const statusError = (status: 409 | 410, name: string, message: string, details: unknown = {}) => {
  const error = new Error(message) as StatusError;
  Object.setPrototypeOf(error, errors.HttpError.prototype);
  return Object.assign(error, { name, status, statusCode: status, expose: true as const, details });
};

export const conflict = (message: string, details?: unknown) =>
  statusError(409, 'ConflictError', message, details);

export const gone = (message: string, details?: unknown) =>
  statusError(410, 'GoneError', message, details);
