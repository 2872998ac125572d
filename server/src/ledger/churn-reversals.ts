import type { Core } from '@strapi/strapi';
import { planChurnReversals, type ChurnLedgerEntry } from '../../../plugin/commissions';
import { uid } from '../../../plugin/model';
import { iso } from '../platform/rows';
import { announceLedgerChanges } from './commission-events';
import { createEngineInputs } from './engine-inputs';
import { createLedgerRepository } from './ledger-repository';

const COMMISSION = uid('commission');
const PROGRAM = uid('program');

/** A referral the site reported as churned. */
export interface ChurnedReferral {
  id: number;
  programId: number;
}

const ENTRY_FIELDS = [
  'idempotencyKey',
  'level',
  'kind',
  'amount',
  'currency',
  'state',
  'availableAt',
  'partnerId',
  'programId',
  'referralId',
  'orderId',
];

/**
 * Sale programs with `reverseOnChurn` (SPEC §5.7): when a customer churns, the commissions on its
 * orders still held are reversed (the rule is `planChurnReversals`). Runs in the caller's
 * transaction, beside the referral's change of state; events follow the commit.
 */
const createChurnReversalsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createLedgerRepository(strapi);
  const inputs = createEngineInputs(strapi);

  return {
    async reverseHeld(referrals: readonly ChurnedReferral[], churnedAt: string, asOf: string) {
      if (referrals.length === 0) return { reversed: 0 };
      const programs = await strapi.db.query(PROGRAM).findMany({
        where: {
          id: { $in: [...new Set(referrals.map((referral) => referral.programId))] },
          trigger: 'sale',
          reverseOnChurn: true,
        },
        select: ['id', 'trigger', 'timezone', 'reverseOnChurn'],
      });
      const reversedIds: number[] = [];
      for (const program of programs) {
        const ids = referrals
          .filter((referral) => referral.programId === Number(program.id))
          .map((referral) => referral.id);
        const rows = await strapi.db.query(COMMISSION).findMany({
          where: { referralId: { $in: ids }, programId: program.id },
          select: ENTRY_FIELDS,
          orderBy: { id: 'asc' },
        });
        const entries: ChurnLedgerEntry[] = rows.map((row) => ({
          idempotencyKey: row.idempotencyKey,
          level: Number(row.level) as ChurnLedgerEntry['level'],
          kind: row.kind,
          amount: Number(row.amount),
          currency: row.currency,
          state: row.state,
          availableAt: iso(row.availableAt),
          partnerId: Number(row.partnerId),
          programId: Number(row.programId),
          referralId: row.referralId == null ? null : Number(row.referralId),
          orderId: row.orderId == null ? null : Number(row.orderId),
        }));
        const actions = planChurnReversals({
          program: { trigger: 'sale', timezone: program.timezone, reverseOnChurn: true },
          churnedAt,
          entries,
        });
        for (const action of actions) {
          const id = await repository.reverse(
            action.idempotencyKey,
            action.from,
            action.note,
            asOf
          );
          if (id !== null) reversedIds.push(id);
        }
      }
      await announceLedgerChanges(strapi, { createdIds: [], reversedIds }, inputs.program);
      return { reversed: reversedIds.length };
    },
  };
};

export type ChurnReversalsService = ReturnType<typeof createChurnReversalsService>;
export default createChurnReversalsService;
