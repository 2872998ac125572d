import { applyBps, multiplyMoney, sumMoney } from '../money';
import { formatMoney } from '../currency';
import type { Rate, RateSnapshot } from '../contracts/rules';
import { formatBps } from './explanation-text';
import { resolveRate, type ResolvedRate } from './resolve-rate';
import type { TierSelection } from './select-tier';
import type { EngineEnrollment, EngineProgram } from './types';

/** A line that earns: an order item, or the whole order as one line when it has no items. */
export interface EarningLine {
  product: string | null;
  amount: number;
  quantity: number;
}

export interface LevelOneAmount {
  amount: number;
  basisAmount: number;
  rate: RateSnapshot;
  /** The headline for the summary: "20% of $100.00", "$39.00 flat", "rates per product". */
  headline: string;
  steps: string[];
}

function sameRate(a: Rate, b: Rate): boolean {
  if (a.type === 'percentage') return b.type === 'percentage' && a.bps === b.bps;
  return b.type === 'flat' && a.amount === b.amount && Boolean(a.perUnit) === Boolean(b.perUnit);
}

/**
 * SPEC §5.3: a percentage applies to each line and is rounded once per line; a flat rate from a
 * product rule pays once for the line (× quantity when `perUnit`); a flat rate from an order-level
 * rule (override, tier, program) pays once for the whole order however many lines fall back to it.
 */
export function calculateLevelOneAmount(
  program: Pick<EngineProgram, 'commission' | 'productRates'>,
  enrollment: Pick<EngineEnrollment, 'commissionOverride'> | null,
  selection: Pick<TierSelection, 'tier' | 'label'>,
  lines: readonly EarningLine[],
  currency: string
): LevelOneAmount {
  const money = (amount: number) => formatMoney(amount, currency);
  const steps: string[] = [];
  const snapshot: Extract<RateSnapshot, { type: 'per-line' }>['lines'] = [];
  // Lines that fall back to an order-level flat rate share one payment.
  let orderFlat: ResolvedRate | null = null;
  const orderFlatLines: number[] = [];

  for (const line of lines) {
    const resolved = resolveRate(program, enrollment, selection, line.product);
    const { rate, label } = resolved;
    const prefix = line.product === null ? '' : `${line.product}: `;
    const productRule =
      resolved.source === 'tier-product-rate' || resolved.source === 'program-product-rate';
    if (rate.type === 'percentage') {
      const amount = applyBps(line.amount, rate.bps);
      snapshot.push({ product: line.product, rate, basisAmount: line.amount, amount });
      steps.push(
        `${prefix}${formatBps(rate.bps)} of ${money(line.amount)} = ${money(amount)} (${label})`
      );
    } else if (productRule) {
      const units = rate.perUnit ? line.quantity : 1;
      const amount = multiplyMoney(rate.amount, units);
      snapshot.push({ product: line.product, rate, basisAmount: line.amount, amount });
      const calculation = rate.perUnit
        ? `${money(rate.amount)} × ${units} unit${units === 1 ? '' : 's'} = ${money(amount)}`
        : `${money(amount)} flat`;
      steps.push(`${prefix}${calculation} (${label})`);
    } else {
      orderFlat = resolved;
      orderFlatLines.push(line.amount);
    }
  }

  if (orderFlat) {
    const { rate, label } = orderFlat;
    const amount = rate.type === 'flat' ? rate.amount : 0;
    snapshot.push({ product: null, rate, basisAmount: sumMoney(orderFlatLines), amount });
    steps.push(`${money(amount)} flat per order (${label})`);
  }

  const amount = sumMoney(snapshot.map((line) => line.amount));
  const basisAmount = sumMoney(lines.map((line) => line.amount));
  const first = snapshot[0];
  const uniform = snapshot.every((line) => sameRate(line.rate, first.rate));
  let headline = 'rates per product';
  if (uniform && first.rate.type === 'percentage') {
    headline = `${formatBps(first.rate.bps)} of ${money(basisAmount)}`;
  } else if (uniform && snapshot.length === 1) {
    headline = `${money(amount)} flat`;
  }
  return {
    amount,
    basisAmount,
    rate: uniform ? first.rate : { type: 'per-line', lines: snapshot },
    headline,
    steps,
  };
}
