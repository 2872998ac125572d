import {
  addCalendarMonths,
  calendarDate,
  compareCalendarDates,
  formatCalendarDate,
  type Instant,
} from '../time';
import { ineligibleReason } from './ineligible';
import type { EngineProgram, SaleFacts } from './types';

export type RepeatOrderClass =
  | { earns: true; kind: 'sale' | 'recurring'; step: string }
  | { earns: false; ineligibleReason: string };

/**
 * SPEC §5.1, `recurringMonths`: null pays every order for the customer's lifetime, 0 only the
 * first paid order, N the orders paid within N calendar months of the first one. Months are
 * counted on calendar dates in the program's time zone, so a renewal paid a few seconds earlier
 * than last year's first payment does not sneak in a 13th month.
 */
export function classifyRepeatOrder(
  program: Pick<EngineProgram, 'recurringMonths' | 'timezone'>,
  paidAt: Instant,
  facts: Pick<SaleFacts, 'isFirstPaidOrder' | 'customerFirstPaidAt'>
): RepeatOrderClass {
  if (facts.isFirstPaidOrder) {
    return { earns: true, kind: 'sale', step: "The customer's first paid order" };
  }
  const months = program.recurringMonths;
  if (months === 0) {
    return {
      earns: false,
      ineligibleReason: ineligibleReason(
        'first-order-only',
        "the program pays on the customer's first paid order only"
      ),
    };
  }
  if (facts.customerFirstPaidAt === null) {
    throw new TypeError('customerFirstPaidAt is required for an order that is not the first');
  }
  const timeZone = program.timezone ?? 'UTC';
  const first = calendarDate(facts.customerFirstPaidAt, timeZone);
  const firstDay = formatCalendarDate(first);
  if (months === null) {
    return {
      earns: true,
      kind: 'recurring',
      step: `Recurring commission: the program pays on every order of the customer for life (first order on ${firstDay})`,
    };
  }
  const paid = calendarDate(paidAt, timeZone);
  const end = addCalendarMonths(first, months);
  const period = `${months} month${months === 1 ? '' : 's'}`;
  if (compareCalendarDates(paid, end) >= 0) {
    return {
      earns: false,
      ineligibleReason: ineligibleReason(
        'recurring-period-over',
        `the program pays for ${period} after the customer's first order on ${firstDay}; ` +
          `this order was paid on ${formatCalendarDate(paid)}`
      ),
    };
  }
  return {
    earns: true,
    kind: 'recurring',
    step: `Recurring commission: paid within ${period} of the customer's first order on ${firstDay}`,
  };
}
