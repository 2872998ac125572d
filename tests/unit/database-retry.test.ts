import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { DatabaseError } from 'pg';
import { afterCommit } from '../../server/src/platform/events';
import {
  backoffMs,
  currentAttempt,
  isRetryableConflict,
  MONEY_TRANSACTION_ATTEMPTS,
  moneyTransaction,
} from '../../server/src/platform/database';

/** What pg reports through knex (which prefixes the SQL), as captured from PostgreSQL 15. */
const pgError = (code: string, message: string) =>
  Object.assign(
    new DatabaseError(`insert into "partners_commissions_partner_lnk" - ${message}`, 0, 'error'),
    {
      severity: 'ERROR',
      code,
    }
  );
/** What mysql2 reports through knex, as captured from MariaDB 10.11. */
const mysqlError = (code: string, errno: number, sqlState: string, message: string) =>
  Object.assign(new Error(`insert into \`partners_commissions_partner_lnk\` - ${message}`), {
    code,
    errno,
    sqlState,
    sqlMessage: message,
  });

const pgDeadlock = pgError('40P01', 'deadlock detected');
const pgAborted = pgError(
  '25P02',
  'current transaction is aborted, commands ignored until end of transaction block'
);
const mysqlDeadlock = mysqlError(
  'ER_LOCK_DEADLOCK',
  1213,
  '40001',
  'Deadlock found when trying to get lock; try restarting transaction'
);
const cyclic: Error & { cause?: unknown } = new Error('loops');
cyclic.cause = cyclic;

describe('isRetryableConflict', () => {
  it.each([
    ['PostgreSQL deadlock (40P01)', pgDeadlock, true],
    ['PostgreSQL statement after the abort (25P02)', pgAborted, true],
    [
      'PostgreSQL serialization failure (40001)',
      pgError('40001', 'could not serialize access'),
      true,
    ],
    ['MySQL deadlock (1213)', mysqlDeadlock, true],
    [
      'MySQL lock wait timeout (1205)',
      mysqlError('ER_LOCK_WAIT_TIMEOUT', 1205, 'HY000', 'Lock wait timeout exceeded'),
      true,
    ],
    ['a deadlock only in sqlState', { sqlState: '40001' }, true],
    ['SQLite busy', Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }), true],
    ['a wrapped deadlock (`cause`)', new Error('settling failed', { cause: pgDeadlock }), true],
    ['a wrapped deadlock (`originalError`)', { message: 'x', originalError: mysqlDeadlock }, true],
    [
      'a cause two levels down',
      new Error('a', { cause: new Error('b', { cause: pgAborted }) }),
      true,
    ],
    ['one of an AggregateError', new AggregateError([new Error('no'), pgDeadlock]), true],
    ['a code lost, the message kept', new Error(pgDeadlock.message), true],
    ['PostgreSQL unique violation', pgError('23505', 'duplicate key value'), false],
    ['MySQL duplicate entry', mysqlError('ER_DUP_ENTRY', 1062, '23000', 'Duplicate entry'), false],
    ['a not-null violation', pgError('23502', 'null value in column'), false],
    ['a validation error', new Error('Order "a" has not been paid'), false],
    ['a cause that loops', cyclic, false],
    ['undefined', undefined, false],
    ['a string', '40P01', false],
  ])('%s', (_label, error, retryable) => {
    expect(isRetryableConflict(error)).toBe(retryable);
  });
});

describe('backoffMs', () => {
  it('stays under a ceiling that doubles per attempt up to 400 ms', () => {
    expect(backoffMs(1, () => 0)).toBe(0);
    expect(backoffMs(1, () => 0.999)).toBe(19);
    expect(backoffMs(3, () => 0.999)).toBe(79);
    expect(backoffMs(10, () => 0.999)).toBe(399);
  });
});

/**
 * `strapi.db.transaction` as Strapi runs it: nested calls join the transaction they are in, and
 * commit callbacks run once the outermost one commits. Like Strapi, a transaction started where a
 * finished one's context lingers (an after-commit listener) reuses that context's callback list.
 */
const fakeStrapi = (lingering?: Array<() => void>) => {
  const context = new AsyncLocalStorage<{ callbacks: Array<() => void> }>();
  let opened = 0;
  const db = {
    inTransaction: () => context.getStore() !== undefined,
    transaction: async (
      work: (scope: { trx: object; onCommit: (callback: () => void) => void }) => Promise<unknown>
    ) => {
      const outer = context.getStore();
      const onCommit = (callback: () => void) => context.getStore()?.callbacks.push(callback);
      if (outer) return work({ trx: outer, onCommit });
      opened += 1;
      const store = { callbacks: lingering ?? [] };
      const result = await context.run(store, () => work({ trx: store, onCommit }));
      store.callbacks.splice(0).forEach((callback) => callback());
      return result;
    },
  };
  const log = { error: () => undefined };
  return { strapi: { db, log } as unknown as Core.Strapi, opened: () => opened };
};

describe('moneyTransaction', () => {
  it('runs the whole transaction again in a fresh one after a deadlock', async () => {
    const { strapi, opened } = fakeStrapi();
    const failures = [pgDeadlock, pgAborted];
    const result = await moneyTransaction(strapi, async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return 'settled';
    });
    expect(result).toBe('settled');
    expect(opened()).toBe(3);
  });

  it(`gives up after ${MONEY_TRANSACTION_ATTEMPTS} attempts with the database's error`, async () => {
    const { strapi, opened } = fakeStrapi();
    await expect(
      moneyTransaction(strapi, async () => {
        throw mysqlDeadlock;
      })
    ).rejects.toBe(mysqlDeadlock);
    expect(opened()).toBe(MONEY_TRANSACTION_ATTEMPTS);
  });

  it('does not retry other errors', async () => {
    const { strapi, opened } = fakeStrapi();
    const unique = pgError('23505', 'duplicate key value');
    await expect(
      moneyTransaction(strapi, async () => {
        throw unique;
      })
    ).rejects.toBe(unique);
    expect(opened()).toBe(1);
  });

  it('joins an outer transaction and leaves the retry to it', async () => {
    const { strapi, opened } = fakeStrapi();
    let inner = 0;
    let outer = 0;
    const result = await moneyTransaction(strapi, async () => {
      outer += 1;
      return moneyTransaction(strapi, async () => {
        inner += 1;
        if (inner === 1) throw pgDeadlock;
        return 'settled';
      });
    });
    expect(result).toBe('settled');
    // The inner call failed once and was not retried inside the aborted transaction.
    expect([outer, inner, opened()]).toEqual([2, 2, 2]);
  });

  it('marks a rolled-back attempt, so work scheduled after its commit is dropped', async () => {
    const { strapi } = fakeStrapi();
    const seen: Array<Readonly<{ failed: boolean }> | undefined> = [];
    await moneyTransaction(strapi, async () => {
      seen.push(currentAttempt());
      if (seen.length === 1) throw pgDeadlock;
    });
    expect(seen.map((attempt) => attempt?.failed)).toEqual([true, false]);
    expect(currentAttempt()).toBeUndefined();
  });

  it('runs the after-commit work of the attempt that committed, once', async () => {
    const { strapi } = fakeStrapi([]);
    const announced: number[] = [];
    let attempt = 0;
    await moneyTransaction(strapi, async () => {
      attempt += 1;
      const current = attempt;
      await afterCommit(strapi, async () => {
        announced.push(current);
      });
      if (current === 1) throw pgDeadlock;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(announced).toEqual([2]);
  });
});
