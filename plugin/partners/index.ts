export {
  decideApplication,
  type ApplicationDecision,
  type ApplicationProgram,
} from './decide-application';
export {
  decidePayoutMethodRemoval,
  type PayoutMethodRemovalDecision,
} from './decide-payout-method-removal';
export { decideTeamRemoval, type TeamRemovalDecision } from './decide-team-removal';
export {
  INVITATION_STATES,
  invitationState,
  type InvitationState,
  type InvitationTimes,
} from './invitation-state';
export { invitationPath, recruitPath } from './portal-paths';
