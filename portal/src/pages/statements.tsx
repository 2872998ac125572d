import { useState } from 'react';
import { api, download, query } from '../api/client';
import type { StatementDetail, StatementMonth } from '../api/types';
import { Card, Empty, ErrorNote, Loading, PageHeader } from '../components/ui';
import { date, label, money, monthName } from '../format';
import { useResource } from '../use-resource';

const keyOf = (entry: StatementMonth) => `${entry.month}|${entry.currency}`;

function StatementView({ month, currency }: StatementMonth) {
  const statement = useResource(
    () =>
      api
        .get<{ data: StatementDetail }>(
          `/partners/portal/statements/${month}${query({ currency })}`
        )
        .then((answer) => answer.data),
    `${month}|${currency}`
  );
  if (statement.error) return <ErrorNote error={statement.error} />;
  if (!statement.data) return <Loading />;
  const data = statement.data;
  const lines = data.entries;
  return (
    <div className="statement" data-statement={month}>
      <dl className="statement-summary">
        {(
          [
            ['Opening balance', data.openingBalance],
            ['Earned', data.totals.earned],
            ['Deducted', data.totals.deducted],
            ['Paid out', data.totals.paidOut],
            ['Closing balance', data.closingBalance],
          ] as const
        ).map(([name, amount]) => (
          <div key={name}>
            <dt className="muted small">{name}</dt>
            <dd>{money(amount, currency)}</dd>
          </div>
        ))}
      </dl>
      <h3>Entries</h3>
      {lines.length === 0 ? (
        <Empty>No entries this month.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <tbody>
              {lines.map((line, index) => (
                <tr key={index}>
                  <td className="nowrap">{date(line.at)}</td>
                  <td>
                    {line.summary ?? label(line.kind)}
                    {line.referral && <span className="muted"> · {line.referral}</span>}
                    {line.type === 'reversal' && <span className="muted"> · reversed</span>}
                  </td>
                  <td className={`numeric ${line.amount < 0 ? 'negative' : ''}`}>
                    {money(line.amount, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Payouts</h3>
      {data.payouts.length === 0 ? (
        <Empty>No payouts this month.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <tbody>
              {data.payouts.map((payout, index) => (
                <tr key={index}>
                  <td className="nowrap">{date(payout.at)}</td>
                  <td>{payout.reference ? `Payout ${payout.reference}` : 'Payout'}</td>
                  <td className="numeric">{money(-Math.abs(payout.amount), currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Monthly statements: opening balance, entries, payouts, closing balance; CSV and PDF. */
export function StatementsPage() {
  const months = useResource(
    () =>
      api
        .get<{ data: StatementMonth[] }>('/partners/portal/statements')
        .then((answer) => answer.data),
    'statements'
  );
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const list = months.data ?? [];
  const current = list.find((entry) => keyOf(entry) === selected) ?? list[0];

  const save = (entry: StatementMonth, format: 'csv' | 'pdf') =>
    download(
      `/partners/portal/statements/${entry.month}/${format}${query({ currency: entry.currency })}`,
      `statement-${entry.month}-${entry.currency}.${format}`
    ).catch(setError);

  return (
    <>
      <PageHeader
        title="Statements"
        description="A statement for every month with activity. Statements of past months never change."
      />
      <ErrorNote error={months.error ?? error} />
      {months.loading && !months.data ? (
        <Loading />
      ) : list.length === 0 ? (
        <Card>
          <Empty>Your first statement appears after your first approved commission.</Empty>
        </Card>
      ) : (
        <div className="split">
          <Card title="Months" className="month-list">
            <ul>
              {list.map((entry) => (
                <li key={keyOf(entry)} className={entry === current ? 'active' : ''}>
                  <button type="button" onClick={() => setSelected(keyOf(entry))}>
                    {monthName(entry.month)}
                    <span className="muted small"> {entry.currency}</span>
                  </button>
                  <span className="downloads">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => save(entry, 'csv')}
                      aria-label={`Download ${entry.month} CSV`}
                    >
                      CSV
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => save(entry, 'pdf')}
                      aria-label={`Download ${entry.month} PDF`}
                    >
                      PDF
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </Card>
          {current && (
            <Card title={`${monthName(current.month)} · ${current.currency}`}>
              <StatementView month={current.month} currency={current.currency} />
            </Card>
          )}
        </div>
      )}
    </>
  );
}
