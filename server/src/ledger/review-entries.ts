import type { Core } from '@strapi/strapi';
import {
  planCommissionReview,
  type ReviewDecision,
  type ReviewEntry,
} from '../../../plugin/commissions';
import { uid, type CommissionStatus } from '../../../plugin/model';

const COMMISSION = uid('commission');

interface StoredEntry {
  id: number;
  level: number;
  state: CommissionStatus;
  sourceCommission?: { id: number; state: CommissionStatus } | null;
}

const reviewEntryOf = (row: StoredEntry): ReviewEntry => ({
  id: Number(row.id),
  level: Number(row.level),
  state: row.state,
  source: row.sourceCommission
    ? { id: Number(row.sourceCommission.id), state: row.sourceCommission.state }
    : null,
});

/** The entries matching `where`, each with its source entry's state. */
const findReviewEntries = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>
): Promise<ReviewEntry[]> => {
  const rows: StoredEntry[] = await strapi.db.query(COMMISSION).findMany({
    where,
    select: ['id', 'level', 'state'],
    populate: { sourceCommission: { select: ['id', 'state'] } },
  });
  return rows.map(reviewEntryOf);
};

/**
 * One review decision on the entries matching `where`, and on the pending level-2 entries that
 * follow them (plugin/commissions/plan-commission-review.ts decides which). Each UPDATE names
 * `pending` in its WHERE, so an entry that changed meanwhile is left alone. Answers how many of
 * the matching entries changed, and how many followers changed with them.
 */
export const decideEntries = async (
  strapi: Core.Strapi,
  decision: ReviewDecision,
  where: Record<string, unknown>,
  changes: Record<string, unknown>
): Promise<{ selected: number; carried: number }> => {
  const selected = await findReviewEntries(strapi, where);
  if (selected.length === 0) return { selected: 0, carried: 0 };
  const followers = await findReviewEntries(strapi, {
    level: 2,
    state: 'pending',
    sourceCommission: { id: { $in: selected.map((entry) => entry.id) } },
  });
  const plan = planCommissionReview(decision, selected, followers);
  const update = async (ids: number[]) =>
    ids.length === 0
      ? 0
      : (
          await strapi.db.query(COMMISSION).updateMany({
            where: { id: { $in: ids }, state: 'pending' },
            data: changes,
          })
        ).count;
  return { selected: await update(plan.selected), carried: await update(plan.carried) };
};
