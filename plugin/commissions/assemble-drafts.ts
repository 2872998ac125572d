import { formatMoney } from '../currency';
import type { RateSnapshot } from '../contracts/rules';
import type { CommissionKind } from '../model';
import { addDays, formatLocalDate, type Instant } from '../time';
import type { SecondTierAmount } from './calculate-second-tier-commission';
import type { CommissionDraft, EngineProgram, EntityId } from './types';

export interface DraftsToAssemble {
  program: Pick<EngineProgram, 'id' | 'currency' | 'holdDays' | 'timezone'>;
  partnerId: EntityId;
  orderId: EntityId | null;
  referralId: EntityId | null;
  kind: CommissionKind;
  eventAt: Instant;
  /** "commission", "recurring commission", "signup bounty": what level 1 earned. */
  label: string;
  /** "order ORD-1", "referral 12": what the entries were earned for. */
  occasion: string;
  keys: { levelOne: string; levelTwo: string };
  /** Steps both levels share (the event and its eligibility). */
  contextSteps: string[];
  levelOne: {
    amount: number;
    basisAmount: number;
    rate: RateSnapshot;
    headline: string;
    steps: string[];
  };
  levelTwo: SecondTierAmount | null;
}

/**
 * Turns computed amounts into ledger drafts: pending until `availableAt = event + holdDays`
 * (SPEC §5.7), with the explanation partners read. Zero amounts are left out: a $0.00 entry
 * only adds noise to the ledger and to statements.
 */
export function assembleDrafts(input: DraftsToAssemble): CommissionDraft[] {
  const { program, levelOne, levelTwo } = input;
  const money = (amount: number) => formatMoney(amount, program.currency);
  const availableAt = addDays(input.eventAt, program.holdDays);
  const holdStep =
    program.holdDays > 0
      ? `Held ${program.holdDays} days for refunds: available from ${formatLocalDate(availableAt, program.timezone ?? 'UTC')}`
      : 'No holding period: available now';
  const common = {
    programId: program.id,
    orderId: input.orderId,
    referralId: input.referralId,
    kind: input.kind,
    currency: program.currency,
    state: 'pending' as const,
    availableAt,
  };
  const drafts: CommissionDraft[] = [];
  if (levelOne.amount !== 0) {
    drafts.push({
      ...common,
      idempotencyKey: input.keys.levelOne,
      sourceKey: null,
      partnerId: input.partnerId,
      level: 1,
      basisAmount: levelOne.basisAmount,
      rate: levelOne.rate,
      amount: levelOne.amount,
      explanation: {
        summary: `${money(levelOne.amount)} ${input.label} for ${input.occasion} (${levelOne.headline})`,
        steps: [...input.contextSteps, ...levelOne.steps, holdStep],
      },
    });
  }
  if (levelTwo && levelTwo.amount !== 0) {
    drafts.push({
      ...common,
      idempotencyKey: input.keys.levelTwo,
      sourceKey: levelOne.amount !== 0 ? input.keys.levelOne : null,
      partnerId: levelTwo.partnerId,
      level: 2,
      basisAmount: levelTwo.basisAmount,
      rate: levelTwo.rate,
      amount: levelTwo.amount,
      explanation: {
        summary: `${money(levelTwo.amount)} recruiter's share for ${input.occasion} (${levelTwo.headline})`,
        steps: [...input.contextSteps, levelTwo.step, holdStep],
      },
    });
  }
  return drafts;
}
