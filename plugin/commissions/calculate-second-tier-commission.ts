import { formatMoney } from '../currency';
import type { Rate } from '../contracts/rules';
import { applyBps } from '../money';
import { formatBps } from './explanation-text';
import { isSelfReferral } from './is-self-referral';
import type { EngineParent, EnginePartner, EngineProgram, EntityId } from './types';

export interface SecondTierInput {
  program: Pick<EngineProgram, 'tierMode' | 'secondTier' | 'currency' | 'eligibility'>;
  partner: Pick<EnginePartner, 'id'>;
  parent: EngineParent | null | undefined;
  customerEmail: string | null;
  /** What the level-1 entry was earned on: the eligible sale, 0 for a bounty (no sale). */
  saleAmount: number;
  levelOneAmount: number;
}

export interface SecondTierAmount {
  partnerId: EntityId;
  amount: number;
  basisAmount: number;
  rate: Rate;
  /** For the summary: "5% of the sale". */
  headline: string;
  step: string;
}

/**
 * SPEC §5.5: in a two-tier program the partner's recruiter (`referredBy`), when approved and
 * enrolled, earns `secondTier.commission` of the sale or of the level-1 commission. The chain stops
 * here: a recruiter's own recruiter earns nothing, and a partner recorded as its own recruiter
 * earns no second share. Returns null when no level-2 entry is due.
 */
export function calculateSecondTierCommission(input: SecondTierInput): SecondTierAmount | null {
  const { program, partner, parent } = input;
  const secondTier = program.secondTier;
  if (program.tierMode !== 'two-tier' || !secondTier || !parent) return null;
  if (parent.partner.id === partner.id) return null;
  if (parent.partner.state !== 'approved' || parent.enrollment?.state !== 'approved') return null;
  // The recruiter buying through its recruit's link is a self-referral one level up.
  const excludeSelf = program.eligibility?.excludeSelfReferral ?? true;
  if (excludeSelf && isSelfReferral(parent.partner, input.customerEmail)) return null;

  const money = (amount: number) => formatMoney(amount, program.currency);
  const rate = secondTier.commission;
  const ofSale = secondTier.basis === 'sale';
  const basisAmount = ofSale ? input.saleAmount : input.levelOneAmount;
  if (rate.type === 'flat') {
    return {
      partnerId: parent.partner.id,
      amount: rate.amount,
      basisAmount,
      rate,
      headline: `${money(rate.amount)} flat`,
      step: `Recruiter's share: ${money(rate.amount)} flat for each commission earned by a partner you recruited`,
    };
  }
  const amount = applyBps(basisAmount, rate.bps);
  const percent = formatBps(rate.bps);
  const of = ofSale
    ? `the ${money(basisAmount)} sale`
    : `the ${money(basisAmount)} commission earned by the partner you recruited`;
  return {
    partnerId: parent.partner.id,
    amount,
    basisAmount,
    rate,
    headline: `${percent} of the ${ofSale ? 'sale' : "recruited partner's commission"}`,
    step: `Recruiter's share: ${percent} of ${of} = ${money(amount)}`,
  };
}
