import type { CommissionStatus } from '../model';

/** What an editor (or the approval job) does to pending ledger entries. */
export type ReviewDecision = 'approve' | 'reject';

/** A ledger entry as review sees it: its state and, for a level-2 entry, its source's. */
export interface ReviewEntry {
  id: number;
  level: number;
  state: CommissionStatus;
  /** The level-1 entry a level-2 entry follows (SPEC §5.7); null at level 1. */
  source: { id: number; state: CommissionStatus } | null;
}

export interface ReviewPlan {
  /** Entries asked for that change. */
  selected: number[];
  /** Pending level-2 entries not asked for that change with their source. */
  carried: number[];
}

/** Where a source must be (or be going) for its level-2 entry to take the decision too. */
const REACHED: Record<ReviewDecision, readonly CommissionStatus[]> = {
  approve: ['approved', 'paid'],
  reject: ['rejected'],
};

/**
 * Which entries move together (SPEC §5.7, level-2 entries follow their source). Only pending
 * entries move. A level-2 entry is never approved ahead of its source: alone, it is approved
 * only once its source is approved or paid. Rejecting a level-2 entry alone is allowed (it
 * costs only its recruiter). The pending level-2 entries of a moving source move with it.
 * `followers` are the pending level-2 entries whose source is among `selected`.
 */
export function planCommissionReview(
  decision: ReviewDecision,
  selected: readonly ReviewEntry[],
  followers: readonly ReviewEntry[]
): ReviewPlan {
  const moving = new Set(
    selected.filter((entry) => entry.state === 'pending').map((entry) => entry.id)
  );
  const sourceAllows = (source: ReviewEntry['source']) =>
    !source || moving.has(source.id) || REACHED[decision].includes(source.state);
  // Sources are level-1 entries, which always stay in `moving`: one pass settles level 2.
  if (decision === 'approve') {
    for (const entry of selected) {
      if (entry.level === 2 && !sourceAllows(entry.source)) moving.delete(entry.id);
    }
  }
  const asked = new Set(selected.map((entry) => entry.id));
  const carried = followers
    .filter(
      (entry) =>
        !asked.has(entry.id) &&
        entry.state === 'pending' &&
        entry.source !== null &&
        sourceAllows(entry.source)
    )
    .map((entry) => entry.id);
  return { selected: [...moving], carried: [...new Set(carried)] };
}
