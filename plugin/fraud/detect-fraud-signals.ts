import { formatMoney } from '../currency';
import { fraudSignalsSchema, type FraudSignalsInput } from '../contracts/rules';
import type { FraudSignal } from '../model';
import type { FraudSignalHit } from '../commissions/types';
import { isDisposableEmail } from './is-disposable-email';
import { selfReferralMatch, type SelfReferralParties } from './self-referral-match';

/** What the server looked up about a paid order before its entries are written. */
export interface FraudFacts extends SelfReferralParties {
  /** The level-1 amount the engine computed, in the program's currency. */
  levelOneAmount: number;
  currency: string;
  /** Other partners with a referral for the same customer e-mail in this program. */
  otherPartnersClaiming: number;
  /** The click that attributed the order, when it came through one. */
  click: {
    velocityFlagged: boolean;
    paidTraffic: string | null;
    ipHash: string | null;
    visitorId: string | null;
  } | null;
}

/**
 * SPEC §10 fraud signals of one paid order or referral bounty: every signal the program watches that fires, with
 * the program's action and what was seen. The details are for editors only.
 */
export function detectFraudSignals(
  input: FraudSignalsInput | null | undefined,
  facts: FraudFacts
): FraudSignalHit[] {
  const parsed = fraudSignalsSchema.safeParse(input ?? {});
  if (!parsed.success) return [];
  const settings = parsed.data;
  const hits: FraudSignalHit[] = [];
  const check = (signal: FraudSignal, detail: string | null) => {
    const action = settings[KEYS[signal]];
    if (action !== 'off' && detail !== null) hits.push({ signal, action, detail });
  };
  check('self-referral', selfReferralMatch(facts));
  check(
    'disposable-email',
    facts.customerEmail && isDisposableEmail(facts.customerEmail)
      ? `the customer's e-mail ${facts.customerEmail} is at a disposable domain`
      : null
  );
  check(
    'shared-customer',
    facts.otherPartnersClaiming > 0
      ? `${facts.otherPartnersClaiming} other partner(s) referred the same customer e-mail`
      : null
  );
  const limit = settings.largeCommissionAmount;
  check(
    'large-commission',
    limit != null && facts.levelOneAmount > limit
      ? `${formatMoney(facts.levelOneAmount, facts.currency)} is above ${formatMoney(limit, facts.currency)}`
      : null
  );
  check(
    'click-velocity',
    facts.click?.velocityFlagged
      ? 'the click came from an IP address or visitor that clicked too often within a minute'
      : null
  );
  check(
    'paid-traffic',
    facts.click?.paidTraffic ? `the click came from a paid ad (${facts.click.paidTraffic})` : null
  );
  return hits;
}

const KEYS = {
  'self-referral': 'selfReferral',
  'click-velocity': 'clickVelocity',
  'disposable-email': 'disposableEmail',
  'shared-customer': 'sharedCustomer',
  'large-commission': 'largeCommission',
  'paid-traffic': 'paidTraffic',
} as const satisfies Record<FraudSignal, string>;
