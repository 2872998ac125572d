import type { PortalReferral } from '../contracts/portal';
import { formatMoney } from '../currency';
import { allowedReferralFields, type ReferralPrivacy } from './referral-fields';

/**
 * The CSV header of a referral export: the fields the programs in it allow, in display order.
 * A row from a stricter program leaves the extra cells empty (its projection has no such key).
 */
export function referralCsvColumns(programs: readonly ReferralPrivacy[]): string[] {
  const allowed = new Set(programs.flatMap((program) => allowedReferralFields(program)));
  const ordered = allowedReferralFields({
    referralDetail: 'contact-id',
    showPurchaseHistory: true,
    showDeclinedCharges: true,
  });
  return ordered.filter((field) => allowed.has(field));
}

/** One projected referral as CSV cells for `columns`: the same fields as the JSON, flattened. */
export function referralCsvRow(
  projected: PortalReferral,
  columns: readonly string[]
): Array<string | null> {
  return columns.map((column) => {
    switch (column) {
      case 'program':
        return projected.program.slug;
      case 'purchases':
        return projected.purchases
          ? projected.purchases
              .map((p) => `${p.date} ${formatMoney(p.amount, p.currency)} ${p.status}`)
              .join('; ')
          : null;
      case 'declinedCharges':
        return projected.declinedCharges
          ? projected.declinedCharges
              .map(
                (c) =>
                  `${c.date} ${formatMoney(c.amount, c.currency)}${c.reason ? ` ${c.reason}` : ''}`
              )
              .join('; ')
          : null;
      default: {
        const value = (projected as Record<string, unknown>)[column];
        return value === undefined || value === null ? null : String(value);
      }
    }
  });
}
