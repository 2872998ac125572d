import { api } from '../api/client';
import type { Listed, PortalPayout } from '../api/types';
import { PayoutMethodCard } from '../components/payout-method-card';
import { Card, ListBody, PageHeader, StatusBadge } from '../components/ui';
import { date, label, money } from '../format';
import { useResource } from '../use-resource';

export function PayoutsPage() {
  const payouts = useResource(
    () => api.get<Listed<PortalPayout>>('/partners/portal/payouts?pageSize=100'),
    'payouts'
  );
  const rows = payouts.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Payouts"
        description="Approved commissions are paid once a month, after the payout term."
      />
      <PayoutMethodCard />
      <Card title="Payout history">
        <ListBody resource={payouts} rows={rows.length} empty="No payouts yet.">
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Period</th>
                  <th>Method</th>
                  <th>Status</th>
                  <th>Paid</th>
                  <th className="numeric">Amount</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((payout) => (
                  <tr key={payout.documentId}>
                    <td className="nowrap">
                      {date(payout.periodStart)} – {date(payout.periodEnd)}
                    </td>
                    <td>
                      {label(payout.method?.type)}
                      {payout.reference && <div className="muted small">{payout.reference}</div>}
                    </td>
                    <td>
                      <StatusBadge status={payout.status} />
                    </td>
                    <td className="nowrap">{date(payout.paidAt)}</td>
                    <td className="numeric">{money(payout.amount, payout.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ListBody>
      </Card>
    </>
  );
}
