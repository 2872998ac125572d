import type { ApplicationMode, ProgramStatus } from '../model';

export interface ApplicationProgram {
  state: ProgramStatus;
  applicationMode: ApplicationMode;
  startsAt?: string | Date | null;
  endsAt?: string | Date | null;
}

/**
 * What an application to a program leads to (SPEC §8):
 * - `approved`: an `open` program takes the partner at once (an invitation is mailed);
 * - `applied`: an `approval` program waits for an editor;
 * - `refused`: `invite-only` programs take no applications, and neither do programs that are
 *   not active, not started yet or already ended.
 */
export type ApplicationDecision =
  | { outcome: 'approved' }
  | { outcome: 'applied' }
  | { outcome: 'refused'; reason: 'invite-only' | 'not-open' };

const time = (value: string | Date | null | undefined) =>
  value === null || value === undefined ? null : new Date(value).getTime();

export function decideApplication(program: ApplicationProgram, now: Date): ApplicationDecision {
  const startsAt = time(program.startsAt);
  const endsAt = time(program.endsAt);
  const running =
    program.state === 'active' &&
    (startsAt === null || startsAt <= now.getTime()) &&
    (endsAt === null || endsAt > now.getTime());
  if (!running) return { outcome: 'refused', reason: 'not-open' };
  if (program.applicationMode === 'invite-only')
    return { outcome: 'refused', reason: 'invite-only' };
  return { outcome: program.applicationMode === 'open' ? 'approved' : 'applied' };
}
