import { useState } from 'react';
import type { PortalCommission } from '../api/types';
import {
  Card,
  CsvButton,
  ErrorNote,
  ListBody,
  PageHeader,
  Pager,
  StatusBadge,
  Tabs,
} from '../components/ui';
import { date, label, money } from '../format';
import { useStatusList } from '../use-resource';

const STATUSES = [
  { value: '', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'on-hold', label: 'Under review' },
  { value: 'approved', label: 'Approved' },
  { value: 'paid', label: 'Paid' },
  { value: 'reversed', label: 'Reversed' },
] as const;

/** "Why this amount": the summary, and the steps behind a disclosure. */
function Explanation({ explanation }: { explanation: PortalCommission['explanation'] }) {
  if (!explanation) return null;
  return (
    <div className="explanation">
      {explanation.summary}
      {explanation.steps.length > 0 && (
        <details>
          <summary>How it was calculated</summary>
          <ol>
            {explanation.steps.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

export function CommissionsPage() {
  const [exportError, setExportError] = useState<Error | null>(null);
  const {
    list: commissions,
    rows,
    status,
    filter,
    setPage,
  } = useStatusList<PortalCommission>('/partners/portal/commissions');

  return (
    <>
      <PageHeader
        title="Commissions"
        description="Every commission with the reason for its amount. Pending ones are approved after the holding period."
        actions={
          <CsvButton
            path="/partners/portal/commissions/export"
            filename="commissions.csv"
            onError={setExportError}
          />
        }
      />
      <ErrorNote error={exportError} />
      <Card actions={<Tabs name="Status" value={status} options={STATUSES} onChange={filter} />}>
        <ListBody resource={commissions} rows={rows.length} empty="No commissions here yet.">
          <div className="table-wrap">
            <table className="commissions">
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Commission</th>
                  <th>Status</th>
                  <th className="numeric">Amount</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((commission) => (
                  <tr key={commission.documentId}>
                    <td className="nowrap">{date(commission.createdAt)}</td>
                    <td>
                      <div className="strong">
                        {label(commission.kind)}
                        {commission.level === 2 && ' · from a recruit'}
                        {commission.program && (
                          <span className="muted"> · {commission.program.name}</span>
                        )}
                        {commission.referral && (
                          <span className="muted"> · {commission.referral}</span>
                        )}
                      </div>
                      <Explanation explanation={commission.explanation} />
                    </td>
                    <td>
                      <StatusBadge status={commission.status} />
                      {commission.status === 'pending' && commission.availableAt && (
                        <div className="muted small">from {date(commission.availableAt)}</div>
                      )}
                      {commission.paidAt && (
                        <div className="muted small">paid {date(commission.paidAt)}</div>
                      )}
                    </td>
                    <td className={`numeric ${commission.amount < 0 ? 'negative' : ''}`}>
                      {money(commission.amount, commission.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ListBody>
        <Pager pagination={commissions.data?.meta?.pagination} onPage={setPage} />
      </Card>
    </>
  );
}
