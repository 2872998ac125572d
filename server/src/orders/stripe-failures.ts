import { isRetryableConflict } from '../platform/database';

/** Connection-level failures: the database was away, not the event wrong. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  '57P01', // PostgreSQL admin_shutdown
  '57P03', // PostgreSQL cannot_connect_now
  '53300', // PostgreSQL too_many_connections
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
const CONNECTION_MESSAGE =
  /Knex: Timeout acquiring a connection|Connection terminated|connection is closed|ECONNREFUSED|ECONNRESET/i;

/**
 * An error that another attempt may not meet: a lock conflict the transaction's own retries
 * could not get past, or a database that could not be reached. The webhook answers 500 for
 * these, so Stripe delivers the event again; anything else would fail the same way again.
 */
export const isTransientDatabaseError = (error: unknown): boolean => {
  if (isRetryableConflict(error)) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    CONNECTION_CODES.has(String(code)) ||
    (typeof message === 'string' && CONNECTION_MESSAGE.test(message))
  );
};
