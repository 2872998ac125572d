/**
 * Whether a partner may remove one of their saved payout methods (SPEC §8). `not-found` covers
 * ids of other partners' methods alike. The active method is never removed: it is what the next
 * payout run pays, so the partner makes another one active first and then removes it. Payouts
 * already made keep their own snapshot of the method they were paid with.
 */
export type PayoutMethodRemovalDecision = 'remove' | 'not-found' | 'active';

export function decidePayoutMethodRemoval(input: {
  savedIds: readonly string[];
  activeId: string | null;
  targetId: string;
}): PayoutMethodRemovalDecision {
  if (!input.savedIds.includes(input.targetId)) return 'not-found';
  if (input.targetId === input.activeId) return 'active';
  return 'remove';
}
