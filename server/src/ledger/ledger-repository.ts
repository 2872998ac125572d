import type { Core } from '@strapi/strapi';
import type { CommissionDraft } from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { isSqlite, tableOf, withKnex } from '../platform/database';

const COMMISSION = uid('commission');
const PAYOUT_LINE = uid('payout-line');

/**
 * The only writer of `partners_commissions` (SPEC §3: one writer per table). The ledger service,
 * commission review and payouts call it; nothing else inserts or updates an entry. Every method
 * runs inside the caller's transaction when there is one.
 */
export const createLedgerRepository = (strapi: Core.Strapi) => {
  const entries = () => strapi.db.query(COMMISSION);

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
            signals: draft.signals?.length ? draft.signals : null,
            note: draft.note ?? null,
            reversedAt: draft.state === 'rejected' ? asOf : null,
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
     * A review decision on entries by id (approve, reject, release) while they are in one of the
     * `from` states; an entry that moved meanwhile is skipped because the WHERE names the
     * states. The rows are locked first, so the ids answered are exactly the entries this
     * decision changed.
     */
    async decidePending(
      ids: readonly number[],
      change:
        | { state: 'approved'; approvedAt: Date | string }
        | { state: 'rejected'; note: string | null; reversedAt?: Date | string }
        | { state: 'pending' },
      from: readonly string[] = ['pending']
    ): Promise<number[]> {
      if (ids.length === 0) return [];
      const open = await withKnex(strapi, (knex) => {
        const query = knex(tableOf(strapi, COMMISSION))
          .select('id')
          .whereIn('id', [...ids])
          .whereIn('state', [...from]);
        return isSqlite(strapi) ? query : query.forUpdate();
      });
      const locked = open.map((row: { id: number }) => Number(row.id));
      if (locked.length === 0) return [];
      await entries().updateMany({
        where: { id: { $in: locked }, state: { $in: [...from] } },
        data: change,
      });
      return locked;
    },

    /**
     * A payout's approved entries (its payout lines) become paid; answers how many, and how
     * many it holds.
     */
    markPaid: (payoutId: number, paidAt: string) =>
      withKnex(strapi, async (knex) => {
        const owned = knex(tableOf(strapi, PAYOUT_LINE))
          .select('commission_id')
          .where('payout_id', payoutId);
        const paid = await knex(tableOf(strapi, COMMISSION))
          .whereIn('id', owned)
          .where('state', 'approved')
          .update({ state: 'paid', paid_at: new Date(paidAt), updated_at: new Date() });
        const [{ held }] = await owned.clone().clearSelect().count({ held: '*' });
        return { paid: Number(paid), held: Number(held) };
      }),
  };
};

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
