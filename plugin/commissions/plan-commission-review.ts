import type { CommissionStatus } from '../model';

/**
 * What an editor (or the approval job) does to ledger entries: approve or reject pending ones,
 * release held ones (back to `pending`), or reject held ones.
 */
export type ReviewDecision = 'approve' | 'reject' | 'release';

/** The states an entry may be in for a decision to move it. */
export const DECIDABLE: Record<ReviewDecision, readonly CommissionStatus[]> = {
  approve: ['pending'],
  reject: ['pending', 'on-hold'],
  release: ['on-hold'],
};

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
  release: ['pending', 'approved', 'paid'],
};

/**
 * Which entries move together (SPEC §5.7, level-2 entries follow their source). Only entries in
 * a state the decision applies to move (DECIDABLE). A level-2 entry is never approved or
 * released ahead of its source: alone, it moves only once its source is past that point. Rejecting a level-2 entry alone is allowed (it
 * costs only its recruiter). The level-2 entries of a moving source move with it.
 * `followers` are the decidable level-2 entries whose source is among `selected`.
 */
export function planCommissionReview(
  decision: ReviewDecision,
  selected: readonly ReviewEntry[],
  followers: readonly ReviewEntry[]
): ReviewPlan {
  const decidable = (entry: ReviewEntry) => DECIDABLE[decision].includes(entry.state);
  const moving = new Set(selected.filter(decidable).map((entry) => entry.id));
  const sourceAllows = (source: ReviewEntry['source']) =>
    !source || moving.has(source.id) || REACHED[decision].includes(source.state);
  // Sources are level-1 entries, which always stay in `moving`: one pass settles level 2.
  if (decision !== 'reject') {
    for (const entry of selected) {
      if (entry.level === 2 && !sourceAllows(entry.source)) moving.delete(entry.id);
    }
  }
  const asked = new Set(selected.map((entry) => entry.id));
  const carried = followers
    .filter(
      (entry) =>
        !asked.has(entry.id) &&
        decidable(entry) &&
        entry.source !== null &&
        sourceAllows(entry.source)
    )
    .map((entry) => entry.id);
  return { selected: [...moving], carried: [...new Set(carried)] };
}
