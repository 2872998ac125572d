import type { DealTotals } from '../../../../plugin/contracts/admin';
import { moneyList } from '../../components/format';

/** "won 1 ($50.00) · submitted 2 ($10.00)": registered deals by state with their value. */
export const dealSummary = (deals: DealTotals, currency: string) =>
  deals
    .map((deal) =>
      deal.value.length > 0
        ? `${deal.state} ${deal.count} (${moneyList(deal.value, currency)})`
        : `${deal.state} ${deal.count}`
    )
    .join(' · ');
