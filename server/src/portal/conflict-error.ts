import { errors } from '@strapi/utils';

/**
 * A 409 in Strapi's error shape. `@strapi/utils` has no ConflictError, and its `HttpError`
 * (from http-errors) cannot be constructed; Strapi's error middleware formats any instance of it
 * with its own status, so this error joins its prototype chain.
 */
export class ConflictError extends Error {
  readonly status = 409;
  readonly statusCode = 409;
  readonly expose = true;
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ConflictError';
    this.details = details;
  }
}
Object.setPrototypeOf(ConflictError.prototype, errors.HttpError.prototype);
