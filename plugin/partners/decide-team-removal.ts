/**
 * Whether a partner's login may remove one of the partner's logins (SPEC §8, team members).
 * `not-found` covers ids of other partners' users alike: a partner cannot learn they exist.
 * A partner keeps at least one login that can sign in, and nobody removes their own login.
 */
export type TeamRemovalDecision = 'remove' | 'not-found' | 'self' | 'last-login';

export function decideTeamRemoval(input: {
  /** All of the partner's logins, blocked ones included. */
  userIds: readonly number[];
  /** The partner's logins that can still sign in. */
  activeUserIds: readonly number[];
  actorId: number;
  targetId: number;
}): TeamRemovalDecision {
  if (!input.userIds.includes(input.targetId)) return 'not-found';
  if (!input.activeUserIds.some((id) => id !== input.targetId)) return 'last-login';
  if (input.targetId === input.actorId) return 'self';
  return 'remove';
}
