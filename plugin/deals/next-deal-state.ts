import type { DealStatus } from '../model';

export const DEAL_ACTIONS = ['approve', 'reject', 'win', 'lose', 'expire'] as const;
export type DealAction = (typeof DEAL_ACTIONS)[number];

/** From which states each action moves a deal, and where to. */
const MOVES: Record<DealAction, { from: readonly DealStatus[]; to: DealStatus }> = {
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  win: { from: ['approved'], to: 'won' },
  lose: { from: ['approved'], to: 'lost' },
  expire: { from: ['submitted', 'approved'], to: 'expired' },
};

/** The states an action may start from (the service checks it in the UPDATE itself). */
export const dealActionFrom = (action: DealAction): readonly DealStatus[] => MOVES[action].from;

/**
 * submitted → approved → won / lost; submitted → rejected; an open deal (submitted, approved)
 * → expired. Null when the action does not apply to the state.
 */
export function nextDealState(current: DealStatus, action: DealAction): DealStatus | null {
  const move = MOVES[action];
  return move.from.includes(current) ? move.to : null;
}

/** Why an action was refused, for the 400 an editor sees. */
export function dealActionRefusal(action: DealAction): string {
  const from = MOVES[action].from.join(' or ');
  return `only a ${from} deal can be ${action === 'lose' ? 'marked lost' : action === 'win' ? 'marked won' : `${action}d`}`;
}
