import type { EnginePartner } from './types';

const normalise = (email: string) => email.trim().toLowerCase();

/** The customer is the partner itself: its e-mail, or the e-mail of one of its portal users. */
export function isSelfReferral(
  partner: Pick<EnginePartner, 'email' | 'userEmails'>,
  customerEmail: string | null
): boolean {
  if (!customerEmail) return false;
  const customer = normalise(customerEmail);
  return [partner.email, ...(partner.userEmails ?? [])].some(
    (email) => normalise(email) === customer
  );
}
