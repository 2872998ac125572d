import type { CommissionDraft, FraudSignalHit } from '../commissions/types';

const STRENGTH = { flag: 1, hold: 2, reject: 3 } as const;

/** The note a rejected entry carries: partners read it, so it names no signal. */
export const REJECTED_BY_REVIEW = 'Rejected by the program’s review rules';

/**
 * Applies the strongest fired action to every draft of the order, both levels alike (the
 * level-2 entry follows its source): `hold` makes them `on-hold`, `reject` makes them
 * `rejected`, `flag` keeps their state. Each draft keeps the hits as its `signals`.
 */
export function applyFraudSignals(
  drafts: readonly CommissionDraft[],
  hits: readonly FraudSignalHit[]
): CommissionDraft[] {
  if (hits.length === 0) return [...drafts];
  const strongest = hits.reduce((top, hit) =>
    STRENGTH[hit.action] > STRENGTH[top.action] ? hit : top
  ).action;
  return drafts.map((draft) => ({
    ...draft,
    signals: [...hits],
    ...(strongest === 'hold' ? { state: 'on-hold' as const } : {}),
    ...(strongest === 'reject' ? { state: 'rejected' as const, note: REJECTED_BY_REVIEW } : {}),
  }));
}
