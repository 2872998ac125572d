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

const isSqlite = (strapi: Core.Strapi) => strapi.db.dialect.client === 'sqlite';

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

/** The database gave up on a transaction to break a deadlock; running it again is safe. */
export const isRetryableConflict = (error: unknown): boolean => {
  const { code, errno } = (error ?? {}) as { code?: string; errno?: number };
  return (
    code === '40P01' || // PostgreSQL deadlock_detected
    code === '40001' || // serialization_failure
    code === 'ER_LOCK_DEADLOCK' ||
    errno === 1213 ||
    code === 'ER_LOCK_WAIT_TIMEOUT' ||
    errno === 1205 ||
    code === 'SQLITE_BUSY'
  );
};

/**
 * Runs a transaction, again when the database aborted it as a deadlock victim. MySQL takes gap
 * locks on Strapi's relation link tables, so concurrent writers of related rows can deadlock even
 * though each holds its own order's lock; the work is idempotent, so a retry is the cure.
 */
export const withRetry = async <T>(work: () => Promise<T>, attempts = 5): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
};
