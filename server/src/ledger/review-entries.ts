import type { Core } from '@strapi/strapi';
import {
  DECIDABLE,
  planCommissionReview,
  type ReviewDecision,
  type ReviewEntry,
} from '../../../plugin/commissions';
import { uid, type CommissionStatus } from '../../../plugin/model';
import { announceEntries } from './commission-events';
import type { LedgerRepository } from './ledger-repository';

const COMMISSION = uid('commission');

interface StoredEntry {
  id: number;
  level: number;
  state: CommissionStatus;
  sourceCommissionId: number | null;
}

/** The entries matching `where`, each with its source entry's state (two queries at most). */
const findReviewEntries = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>
): Promise<ReviewEntry[]> => {
  const rows: StoredEntry[] = await strapi.db.query(COMMISSION).findMany({
    where,
    select: ['id', 'level', 'state', 'sourceCommissionId'],
  });
  const sourceIds = [
    ...new Set(rows.map((row) => row.sourceCommissionId).filter((id) => id != null)),
  ];
  const sources: StoredEntry[] =
    sourceIds.length === 0
      ? []
      : await strapi.db.query(COMMISSION).findMany({
          where: { id: { $in: sourceIds } },
          select: ['id', 'state'],
        });
  const stateOf = new Map(sources.map((source) => [Number(source.id), source.state]));
  return rows.map((row) => {
    const sourceId = row.sourceCommissionId == null ? null : Number(row.sourceCommissionId);
    const sourceState = sourceId === null ? undefined : stateOf.get(sourceId);
    return {
      id: Number(row.id),
      level: Number(row.level),
      state: row.state,
      source: sourceId !== null && sourceState ? { id: sourceId, state: sourceState } : null,
    };
  });
};

/**
 * One review decision on the entries matching `where`, and on the level-2 entries that follow
 * them (plugin/commissions/plan-commission-review.ts decides which); the ledger
 * repository writes them. Answers how many of the matching entries changed, and how many
 * followers changed with them.
 */
export const decideEntries = async (
  strapi: Core.Strapi,
  repository: LedgerRepository,
  decision: ReviewDecision,
  where: Record<string, unknown>,
  change: Parameters<LedgerRepository['decidePending']>[1]
): Promise<{ selected: number; carried: number }> => {
  const selected = await findReviewEntries(strapi, where);
  if (selected.length === 0) return { selected: 0, carried: 0 };
  const followers = await findReviewEntries(strapi, {
    level: 2,
    state: { $in: [...DECIDABLE[decision]] },
    sourceCommissionId: { $in: selected.map((entry) => entry.id) },
  });
  const plan = planCommissionReview(decision, selected, followers);
  const from = DECIDABLE[decision];
  const decided = await repository.decidePending(plan.selected, change, from);
  const carried = await repository.decidePending(plan.carried, change, from);
  if (change.state === 'approved') {
    await announceEntries(strapi, 'partners.commission.approved', [...decided, ...carried]);
  }
  return { selected: decided.length, carried: carried.length };
};
