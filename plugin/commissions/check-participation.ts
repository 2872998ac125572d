import { formatLocalDate, toEpochMs, type Instant } from '../time';
import { ineligibleReason } from './ineligible';
import type { EngineEnrollment, EnginePartner, EngineProgram } from './types';

/**
 * SPEC §5.2, the rules every commission shares: the program is active at the moment of the event
 * (state and date range, both ends inclusive), the partner is approved, and so is its enrollment.
 * Returns the ineligible reason, or null when the partner takes part.
 */
export function checkParticipation(
  program: Pick<EngineProgram, 'state' | 'startsAt' | 'endsAt' | 'timezone'>,
  partner: Pick<EnginePartner, 'state'>,
  enrollment: Pick<EngineEnrollment, 'state'> | null,
  eventAt: Instant,
  event: string
): string | null {
  const timeZone = program.timezone ?? 'UTC';
  const day = (instant: Instant) => formatLocalDate(instant, timeZone);
  if (program.state !== 'active') {
    return ineligibleReason('program-inactive', `the program is ${program.state}, not active`);
  }
  if (program.startsAt !== null && toEpochMs(eventAt) < toEpochMs(program.startsAt)) {
    return ineligibleReason(
      'program-not-started',
      `the ${event} on ${day(eventAt)} is before the program started on ${day(program.startsAt)}`
    );
  }
  if (program.endsAt !== null && toEpochMs(eventAt) > toEpochMs(program.endsAt)) {
    return ineligibleReason(
      'program-ended',
      `the ${event} on ${day(eventAt)} is after the program ended on ${day(program.endsAt)}`
    );
  }
  if (partner.state !== 'approved') {
    return ineligibleReason(
      'partner-not-approved',
      `the partner is ${partner.state}, not approved`
    );
  }
  if (!enrollment) {
    return ineligibleReason('not-enrolled', 'the partner is not enrolled in the program');
  }
  if (enrollment.state !== 'approved') {
    return ineligibleReason(
      'enrollment-not-approved',
      `the partner's enrollment is ${enrollment.state}, not approved`
    );
  }
  return null;
}
