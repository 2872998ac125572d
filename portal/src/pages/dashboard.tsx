import { useState } from 'react';
import { api, query } from '../api/client';
import type { LinksResponse, Stats, StatsRange } from '../api/types';
import { LinksCard } from '../components/links-card';
import { StatsChart } from '../components/stats-chart';
import { Card, CopyButton, ErrorNote, Loading, PageHeader, Tabs } from '../components/ui';
import { count, moneyList } from '../format';
import { useSession } from '../session';
import { useResource } from '../use-resource';

const RANGES = [
  { value: '7d', label: '7 days' },
  { value: '4w', label: '4 weeks' },
  { value: '6m', label: '6 months' },
] as const;

/** What each range's counts cover, named on every card. */
const PERIODS: Record<StatsRange, string> = {
  '7d': 'Last 7 days',
  '4w': 'Last 4 weeks',
  '6m': 'Last 6 months',
};

function Kpi(props: { label: string; value: string; name: string; period: string }) {
  return (
    <div className="kpi" data-kpi={props.name}>
      <div className="kpi-label">{props.label}</div>
      <div className="kpi-value">{props.value}</div>
      <div className="kpi-period">{props.period}</div>
    </div>
  );
}

export function DashboardPage() {
  const { me } = useSession();
  const [range, setRange] = useState<StatsRange>('4w');
  const [program, setProgram] = useState('');
  const stats = useResource(
    () =>
      api
        .get<{ data: Stats }>(`/partners/portal/stats${query({ range, program })}`)
        .then((answer) => answer.data),
    `${range}|${program}`
  );
  const links = useResource(() => api.get<LinksResponse>('/partners/portal/links'), 'links');
  const currency = me.programs[0]?.currency ?? 'USD';
  const totals = stats.data?.totals;

  return (
    <>
      <PageHeader
        title={`Welcome back, ${me.partner.name}`}
        description="Your clicks, referrals and earnings at a glance."
        actions={
          me.programs.length > 1 && (
            <select
              aria-label="Program"
              value={program}
              onChange={(event) => setProgram(event.target.value)}
            >
              <option value="">All programs</option>
              {me.programs.map((entry) => (
                <option key={entry.slug} value={entry.slug}>
                  {entry.name}
                </option>
              ))}
            </select>
          )
        }
      />
      <ErrorNote error={stats.error} />
      <div className="kpis">
        {(
          [
            ['clicks', 'Clicks'],
            ['referrals', 'Referrals'],
            ['signUps', 'Sign-ups'],
            ['customers', 'Paying customers'],
          ] as const
        ).map(([name, label]) => (
          <Kpi
            key={name}
            name={name}
            label={label}
            value={totals ? count(totals[name]) : '…'}
            period={PERIODS[range]}
          />
        ))}
        <Kpi
          name="pending"
          label="Pending earnings"
          value={totals ? moneyList(totals.pendingEarnings, currency) : '…'}
          period="All time, awaiting approval"
        />
        <Kpi
          name="approved"
          label="Approved earnings"
          value={totals ? moneyList(totals.approvedEarnings, currency) : '…'}
          period="All time, not paid yet"
        />
      </div>
      <Card
        title="Performance"
        actions={
          <Tabs
            name="Period"
            value={range}
            options={RANGES}
            onChange={(value) => setRange(value)}
          />
        }
      >
        {stats.data ? <StatsChart stats={stats.data} /> : <Loading />}
      </Card>
      <ErrorNote error={links.error} />
      {links.data ? (
        <LinksCard
          links={links.data.data}
          programs={links.data.meta.programs}
          onChanged={links.reload}
        />
      ) : (
        !links.error && <Loading />
      )}
      {me.recruitUrl && (
        <Card title="Recruit partners">
          <p className="muted">
            Invite other partners with your recruit link: you earn a share of what they earn.
          </p>
          <div className="built-link">
            <code>{me.recruitUrl}</code>
            <CopyButton text={me.recruitUrl} />
          </div>
        </Card>
      )}
    </>
  );
}
