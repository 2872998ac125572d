import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';
import type { Core, UID } from '@strapi/strapi';

/** A unique index refused the write: the exactly-once guarantees of SPEC §4 at work. */
export const isUniqueViolation = (error: unknown): boolean => {
  const { code, errno, message } = (error ?? {}) as {
    code?: string;
    errno?: number;
    message?: string;
  };
  return (
    code === '23505' || // PostgreSQL
    code === 'ER_DUP_ENTRY' ||
    errno === 1062 || // MySQL / MariaDB
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /unique constraint|duplicate entry|UNIQUE constraint failed/i.test(message ?? '')
  );
};

export const isSqlite = (strapi: Core.Strapi) => strapi.db.dialect.client === 'sqlite';

/**
 * Locks one row for the rest of the current transaction (`SELECT … FOR UPDATE`), so concurrent
 * writers of the same order or payout take turns. SQLite has a single writer already.
 */
export const lockRow = async (strapi: Core.Strapi, uid: UID.Schema, id: number) => {
  const query = strapi.db.queryBuilder(uid).select(['id']).where({ id }).first();
  if (!isSqlite(strapi)) query.forUpdate();
  return query.execute<{ id: number } | undefined>();
};

export const tableOf = (strapi: Core.Strapi, uid: UID.Schema) =>
  strapi.db.metadata.get(uid).tableName;

/**
 * Runs raw knex (aggregates the query API cannot express) inside the caller's transaction when
 * there is one, so reads see its writes and SQLite's single connection is not asked for twice.
 */
export const withKnex = <T>(strapi: Core.Strapi, work: (knex: Knex) => Promise<T>): Promise<T> =>
  strapi.db.transaction(({ trx }) => work(trx as unknown as Knex)) as unknown as Promise<T>;

/**
 * Codes of a transaction the database gave up on to break a lock conflict: PostgreSQL's
 * SQLSTATEs, mysql2's `code`, `errno` and `sqlState`. 25P02 is what a statement meets after
 * PostgreSQL aborted the transaction: Strapi's own clean-up after a failed relation write runs
 * there and hides the deadlock that caused it.
 */
const RETRYABLE_CODES = new Set([
  '40P01', // PostgreSQL deadlock_detected
  '40001', // serialization_failure; MySQL's sqlState for a deadlock
  '25P02', // PostgreSQL in_failed_sql_transaction
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY',
]);
const RETRYABLE_ERRNOS = new Set([1213, 1205]); // MySQL / MariaDB deadlock, lock wait timeout
/** For errors re-thrown as a plain `Error(message)` (Strapi's dialects do this to non-Errors). */
const RETRYABLE_MESSAGE =
  /deadlock detected|deadlock found when trying to get lock|could not serialize access|current transaction is aborted|lock wait timeout exceeded/i;

interface ErrorShape {
  code?: unknown;
  errno?: unknown;
  sqlState?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  original?: unknown;
  errors?: unknown;
}

/** The error and what it wraps (`cause`, `originalError`, `original`, AggregateError's `errors`). */
const errorChain = (error: unknown): ErrorShape[] => {
  const chain: ErrorShape[] = [];
  const queue = [error];
  while (queue.length > 0 && chain.length < 20) {
    const next = queue.shift();
    if (!next || typeof next !== 'object' || chain.includes(next)) continue;
    const shape = next as ErrorShape;
    chain.push(shape);
    queue.push(shape.cause, shape.originalError, shape.original);
    if (Array.isArray(shape.errors)) queue.push(...shape.errors);
  }
  return chain;
};

/** A deadlock, serialization failure or lock timeout anywhere in the chain: run it again. */
export const isRetryableConflict = (error: unknown): boolean =>
  errorChain(error).some(
    ({ code, errno, sqlState, message }) =>
      RETRYABLE_CODES.has(String(code)) ||
      RETRYABLE_CODES.has(String(sqlState)) ||
      RETRYABLE_ERRNOS.has(Number(errno)) ||
      (typeof message === 'string' && RETRYABLE_MESSAGE.test(message))
  );

export const MONEY_TRANSACTION_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 400;

/** Full jitter: anywhere up to an exponentially growing ceiling, so the losers spread out. */
export const backoffMs = (attempt: number, random = Math.random) =>
  Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));

/** One attempt of a money transaction; `failed` once it rolled back. */
interface Attempt {
  failed: boolean;
}
const attempts = new AsyncLocalStorage<Attempt>();

/**
 * The money-transaction attempt this code runs in, if any. After-commit work checks `failed`:
 * started from a finished transaction's context (an after-commit listener), Strapi's attempts
 * share one list of commit callbacks, so a rolled-back attempt's would run at the retry's commit.
 */
export const currentAttempt = (): Readonly<Attempt> | undefined => attempts.getStore();

type TransactionWork<T> = (scope: { trx: Knex.Transaction }) => Promise<T>;

/**
 * Runs `work` in a transaction, and again from the start in a fresh one (bounded, with jittered
 * backoff) when the database broke a deadlock; `work` must be safe to run again, as every money
 * path is (SPEC §11: each commission, payout and transfer exactly once). Inside an outer
 * transaction it joins that one and never retries: after an abort every statement there fails,
 * so only the outermost transaction can start over.
 */
export const moneyTransaction = async <T>(
  strapi: Core.Strapi,
  work: TransactionWork<T>
): Promise<T> => {
  if (strapi.db.inTransaction()) return strapi.db.transaction(work);
  for (let attempt = 1; ; attempt += 1) {
    const state: Attempt = { failed: false };
    try {
      return await attempts.run(state, () => strapi.db.transaction(work));
    } catch (error) {
      state.failed = true;
      if (attempt >= MONEY_TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
};

let savepoints = 0;

/**
 * Runs `work` so that a failed statement in it (a unique violation the caller catches) leaves
 * the surrounding transaction usable: inside one it runs behind a savepoint, since PostgreSQL
 * refuses every later statement of a transaction after an error. Outside a transaction it
 * simply runs.
 */
export const withSavepoint = <T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> => {
  if (!strapi.db.inTransaction()) return work();
  const name = `partners_sp_${(savepoints = (savepoints + 1) % 1_000_000)}`;
  return strapi.db.transaction(async ({ trx }) => {
    await trx.raw(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await trx.raw(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await trx.raw(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }) as Promise<T>;
};
