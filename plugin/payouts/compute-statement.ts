import type { EntityId } from '../commissions/types';
import type { CommissionKind, CommissionStatus, PayoutStatus } from '../model';
import { sumMoney } from '../money';
import { toEpochMs, toIsoString, type Instant } from '../time';
import { payoutPeriod } from './payout-period';

export interface StatementEntryRow {
  id: EntityId;
  amount: number;
  currency: string;
  kind: CommissionKind;
  state: CommissionStatus;
  approvedAt: Instant | null;
  /** When an approved entry was reversed or rejected; ignored while it stands. */
  reversedAt: Instant | null;
  /** The explanation's one-line summary. */
  summary: string | null;
}

export interface StatementPayoutRow {
  id: EntityId;
  amount: number;
  currency: string;
  state: PayoutStatus;
  paidAt: Instant | null;
  reference: string | null;
}

/** One movement of the balance: an entry approved (`entry`) or an approved entry taken back. */
export interface StatementLine {
  type: 'entry' | 'reversal';
  at: string;
  entryId: EntityId;
  kind: CommissionKind;
  /** Signed effect on the balance. */
  amount: number;
  summary: string | null;
}

export interface StatementPayoutLine {
  at: string;
  payoutId: EntityId;
  /** What was paid (positive); it lowers the balance. */
  amount: number;
  reference: string | null;
}

export interface Statement {
  month: string;
  currency: string;
  startsAt: string;
  endsAt: string;
  openingBalance: number;
  lines: StatementLine[];
  payouts: StatementPayoutLine[];
  totals: { earned: number; deducted: number; paidOut: number };
  closingBalance: number;
}

interface Movement {
  at: number;
  line?: StatementLine;
  payout?: StatementPayoutLine;
  effect: number;
}

const movementsOf = (entries: readonly StatementEntryRow[], currency: string): Movement[] =>
  entries
    .filter((entry) => entry.currency === currency && entry.approvedAt !== null)
    .flatMap((entry) => {
      const approvedAt = toIsoString(entry.approvedAt as Instant);
      const base = { entryId: entry.id, kind: entry.kind, summary: entry.summary };
      const earned: Movement = {
        at: toEpochMs(approvedAt),
        effect: entry.amount,
        line: { type: 'entry', at: approvedAt, amount: entry.amount, ...base },
      };
      if (entry.state !== 'reversed' && entry.state !== 'rejected') return [earned];
      // Reversed without a known date: it never stood, so neither movement is shown.
      if (entry.reversedAt === null) return [];
      const reversedAt = toIsoString(entry.reversedAt);
      const reversal: Movement = {
        at: toEpochMs(reversedAt),
        effect: -entry.amount,
        line: { type: 'reversal', at: reversedAt, amount: -entry.amount, ...base },
      };
      return [earned, reversal];
    });

/**
 * A partner's monthly statement in one currency (UTC month, like payout periods). The balance is
 * what the site owes the partner: entries count from their approval (pending ones are not owed
 * yet), an approved entry that is later reversed or rejected comes off on the day it was, and a
 * payout comes off when it is paid. Every movement is dated once and never moves, so a closed
 * month's statement never changes: the opening balance is the previous month's closing balance.
 */
export function computeStatement(input: {
  month: string;
  currency: string;
  entries: readonly StatementEntryRow[];
  payouts: readonly StatementPayoutRow[];
}): Statement {
  const { startsAt, endsAt } = payoutPeriod(input.month);
  const start = toEpochMs(startsAt);
  const end = toEpochMs(endsAt);
  const movements = movementsOf(input.entries, input.currency);
  for (const payout of input.payouts) {
    if (payout.currency !== input.currency || payout.state !== 'paid' || !payout.paidAt) continue;
    const at = toIsoString(payout.paidAt);
    movements.push({
      at: toEpochMs(at),
      effect: -payout.amount,
      payout: { at, payoutId: payout.id, amount: payout.amount, reference: payout.reference },
    });
  }
  const before = movements.filter((movement) => movement.at < start);
  const during = movements
    .filter((movement) => movement.at >= start && movement.at < end)
    .sort((a, b) => a.at - b.at);
  const lines = during.flatMap((movement) => (movement.line ? [movement.line] : []));
  const payouts = during.flatMap((movement) => (movement.payout ? [movement.payout] : []));
  const openingBalance = sumMoney(before.map((movement) => movement.effect));
  const totals = {
    earned: sumMoney(lines.filter((line) => line.amount > 0).map((line) => line.amount)),
    deducted: sumMoney(lines.filter((line) => line.amount < 0).map((line) => line.amount)),
    paidOut: sumMoney(payouts.map((payout) => payout.amount)),
  };
  return {
    month: input.month,
    currency: input.currency,
    startsAt,
    endsAt,
    openingBalance,
    lines,
    payouts,
    totals,
    closingBalance: sumMoney([openingBalance, totals.earned, totals.deducted, -totals.paidOut]),
  };
}
