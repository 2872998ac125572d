import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { CommissionDraft } from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { tableOf, withKnex } from '../platform/database';

const COMMISSION = uid('commission');

/** Entry ids per UPDATE … CASE: two bind values each, far under every database's limit. */
const ASSIGN_ROWS = 1000;

const chunks = <T>(values: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(values.length / size) }, (_, index) =>
    values.slice(index * size, (index + 1) * size)
  );

/**
 * The only writer of `partners_commissions` (SPEC §3: one writer per table). The ledger service,
 * commission review and payouts call it; nothing else inserts or updates an entry. Every method
 * runs inside the caller's transaction when there is one.
 */
export const createLedgerRepository = (strapi: Core.Strapi) => {
  const entries = () => strapi.db.query(COMMISSION);
  const isPostgres = strapi.db.dialect.client === 'postgres';

  /** PostgreSQL: a batch's entry → payout assignments in one UPDATE … FROM unnest(…). */
  const assignFromArrays = (knex: Knex, pairs: ReadonlyArray<[number, number]>) =>
    knex.raw(
      `update ?? as c set payout_id = v.payout from unnest(?::integer[], ?::integer[]) as v(entry, payout)
       where c.id = v.entry and c.payout_id is null and c.state = 'approved'`,
      [
        tableOf(strapi, COMMISSION),
        `{${pairs.map(([entry]) => entry).join(',')}}`,
        `{${pairs.map(([, payout]) => payout).join(',')}}`,
      ]
    );

  /** Elsewhere: UPDATE … SET payout_id = CASE id WHEN … END, a thousand entries at a time. */
  const assignWithCase = (knex: Knex, pairs: ReadonlyArray<[number, number]>) =>
    knex(tableOf(strapi, COMMISSION))
      .whereIn(
        'id',
        pairs.map(([entry]) => entry)
      )
      .whereNull('payout_id')
      .where('state', 'approved')
      .update({
        payout_id: knex.raw(
          `case id ${pairs.map(() => 'when ? then ?').join(' ')} end`,
          pairs.flat()
        ),
      });

  return {
    /**
     * A new entry from an engine draft; answers its id (one INSERT: the row is read back after
     * the commit, by whoever needs it). The unique `idempotencyKey` refuses a second one.
     */
    async insert(
      draft: CommissionDraft,
      refs: { orderId: number | null; sourceCommissionId: number | null },
      asOf: string
    ): Promise<number> {
      const { ids } = await entries().createMany({
        data: [
          {
            partnerId: draft.partnerId,
            programId: draft.programId,
            orderId: refs.orderId,
            referralId: draft.referralId ?? null,
            sourceCommissionId: refs.sourceCommissionId,
            level: draft.level,
            kind: draft.kind,
            basisAmount: draft.basisAmount,
            rate: draft.rate,
            amount: draft.amount,
            currency: draft.currency,
            state: draft.state,
            availableAt: draft.availableAt,
            approvedAt: draft.state === 'approved' ? asOf : null,
            explanation: draft.explanation,
            idempotencyKey: draft.idempotencyKey,
          },
        ],
      });
      return Number(ids[0]);
    },

    /** The id of the entry with this key, if any. */
    async idOfKey(idempotencyKey: string): Promise<number | null> {
      const row = await entries().findOne({ where: { idempotencyKey }, select: ['id'] });
      return row ? Number(row.id) : null;
    },

    /** Reverses the entry with this key while it is still in state `from`; its id, or null. */
    async reverse(idempotencyKey: string, from: string, note: string, asOf: string) {
      const entry = await entries().findOne({
        where: { idempotencyKey, state: from },
        select: ['id'],
      });
      if (!entry) return null;
      const { count } = await entries().updateMany({
        where: { id: entry.id, state: from },
        data: { state: 'reversed', note, reversedAt: asOf },
      });
      return count > 0 ? Number(entry.id) : null;
    },

    /**
     * A review decision on pending entries by id (approve or reject); an entry approved, paid or
     * reversed meanwhile is skipped because the WHERE names the state. Answers how many changed.
     */
    async decidePending(
      ids: readonly number[],
      change:
        | { state: 'approved'; approvedAt: Date | string }
        | { state: 'rejected'; note: string | null }
    ) {
      if (ids.length === 0) return 0;
      const { count } = await entries().updateMany({
        where: { id: { $in: [...ids] }, state: 'pending' },
        data: change,
      });
      return count;
    },

    /**
     * Puts approved entries that are in no payout into payouts; answers how many it assigned (the
     * caller compares with what it planned: fewer means another run took some first).
     */
    assignToPayouts: (payouts: ReadonlyArray<{ id: number; entryIds: readonly number[] }>) =>
      withKnex(strapi, async (knex) => {
        const pairs = payouts.flatMap((payout) =>
          payout.entryIds.map((entryId): [number, number] => [entryId, payout.id])
        );
        let assigned = 0;
        for (const chunk of chunks(pairs, isPostgres ? 50_000 : ASSIGN_ROWS)) {
          const result = await (isPostgres
            ? assignFromArrays(knex, chunk)
            : assignWithCase(knex, chunk));
          assigned += typeof result === 'number' ? result : Number(result.rowCount ?? 0);
        }
        return assigned;
      }),

    /** A payout's approved entries become paid; answers how many, and how many it holds. */
    async markPaid(payoutId: number, paidAt: string) {
      const { count } = await entries().updateMany({
        where: { payoutId, state: 'approved' },
        data: { state: 'paid', paidAt },
      });
      return { paid: count, held: await entries().count({ where: { payoutId } }) };
    },

    /** Frees a failed payout's entries: they stay approved and join the next run. */
    async release(payoutId: number) {
      await entries().updateMany({ where: { payoutId }, data: { payoutId: null } });
    },
  };
};

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
