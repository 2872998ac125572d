import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Stats } from '../api/types';

const shortDate = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const tick = (start: string) => shortDate.format(new Date(`${start}T00:00:00Z`));

const SERIES = [
  { key: 'clicks', name: 'Clicks', color: 'var(--brand)', opacity: 0.18 },
  { key: 'referrals', name: 'Referrals', color: '#f59e0b', opacity: 0.12 },
  { key: 'customers', name: 'Customers', color: '#10b981', opacity: 0.12 },
] as const;

/** Clicks, referrals and customers per day (7d, 4w) or week (6m). */
export function StatsChart({ stats }: { stats: Stats }) {
  return (
    <div className="chart" data-points={stats.series.length}>
      <ResponsiveContainer width="100%" height={260}>
        <AreaChart data={stats.series} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <defs>
            {SERIES.map((series) => (
              <linearGradient
                key={series.key}
                id={`fill-${series.key}`}
                x1="0"
                y1="0"
                x2="0"
                y2="1"
              >
                <stop offset="0%" stopColor={series.color} stopOpacity={series.opacity * 2} />
                <stop offset="100%" stopColor={series.color} stopOpacity={0} />
              </linearGradient>
            ))}
          </defs>
          <CartesianGrid stroke="#eef0f4" vertical={false} />
          <XAxis
            dataKey="start"
            tickFormatter={tick}
            tick={{ fontSize: 12, fill: '#6b7280' }}
            tickLine={false}
            axisLine={false}
            minTickGap={16}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: 12, fill: '#6b7280' }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            labelFormatter={(value) =>
              stats.interval === 'week' ? `Week of ${tick(String(value))}` : tick(String(value))
            }
          />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
          {SERIES.map((series) => (
            <Area
              key={series.key}
              type="monotone"
              dataKey={series.key}
              name={series.name}
              stroke={series.color}
              strokeWidth={2}
              fill={`url(#fill-${series.key})`}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
