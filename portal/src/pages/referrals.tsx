import { Fragment, useState } from 'react';
import type { PortalReferral } from '../api/types';
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
  { value: 'lead', label: 'Leads' },
  { value: 'signed-up', label: 'Signed up' },
  { value: 'customer', label: 'Customers' },
] as const;

/** What the referral's program lets the partner see: only the fields the server sent. */
function Details({ referral }: { referral: PortalReferral }) {
  const purchases = referral.purchases ?? [];
  const declined = referral.declinedCharges ?? [];
  if (purchases.length === 0 && declined.length === 0) return null;
  return (
    <div className="details">
      {purchases.length > 0 && (
        <div>
          <h4>Purchases</h4>
          <ul>
            {purchases.map((purchase, index) => (
              <li key={index}>
                {date(purchase.date)} · {money(purchase.amount, purchase.currency)} ·{' '}
                {label(purchase.status)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {declined.length > 0 && (
        <div>
          <h4>Declined charges</h4>
          <ul>
            {declined.map((charge, index) => (
              <li key={index}>
                {date(charge.date)} · {money(charge.amount, charge.currency)}
                {charge.reason ? ` · ${charge.reason}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function ReferralsPage() {
  const [exportError, setExportError] = useState<Error | null>(null);
  const {
    list: referrals,
    rows,
    status,
    filter,
    setPage,
  } = useStatusList<PortalReferral>('/partners/portal/referrals');
  const shows = (field: keyof PortalReferral) => rows.some((row) => field in row);

  return (
    <>
      <PageHeader
        title="Referrals"
        description="People who came through your links, as much as the program lets you see."
        actions={
          <CsvButton
            path="/partners/portal/referrals/export"
            filename="referrals.csv"
            onError={setExportError}
          />
        }
      />
      <ErrorNote error={exportError} />
      <Card actions={<Tabs name="Status" value={status} options={STATUSES} onChange={filter} />}>
        <ListBody
          resource={referrals}
          rows={rows.length}
          empty="No referrals yet. Share your links to get started."
        >
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Referral</th>
                  {shows('email') && <th>Email</th>}
                  {shows('externalId') && <th>Customer id</th>}
                  <th>Program</th>
                  <th>Source</th>
                  <th>Status</th>
                  <th>Referred</th>
                  <th>Converted</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((referral) => (
                  <Fragment key={referral.id}>
                    <tr>
                      <td>
                        <div>{referral.name || <code>{referral.id}</code>}</div>
                        {referral.name && <div className="muted small">{referral.id}</div>}
                      </td>
                      {shows('email') && <td>{referral.email ?? '—'}</td>}
                      {shows('externalId') && <td>{referral.externalId ?? '—'}</td>}
                      <td>{referral.program.name}</td>
                      <td>{label(referral.source)}</td>
                      <td>
                        <StatusBadge status={referral.status} />
                      </td>
                      <td>{date(referral.createdAt)}</td>
                      <td>{date(referral.convertedAt)}</td>
                    </tr>
                    {(referral.purchases?.length || referral.declinedCharges?.length) && (
                      <tr className="detail-row">
                        <td colSpan={8}>
                          <Details referral={referral} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        </ListBody>
        <Pager pagination={referrals.data?.meta?.pagination} onPage={setPage} />
      </Card>
    </>
  );
}
