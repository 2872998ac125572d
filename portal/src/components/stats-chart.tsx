import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
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
const AXIS = { fontSize: 12, fill: '#6b7280' };

/** Clicks as bars, referrals and customers as lines, per day (7d, 4w) or week (6m). */
export function StatsChart({ stats }: { stats: Stats }) {
  return (
    <div className="chart" data-points={stats.series.length}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={stats.series} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#eef0f4" vertical={false} />
          <XAxis
            dataKey="start"
            tickFormatter={tick}
            tick={AXIS}
            tickLine={false}
            axisLine={false}
            minTickGap={16}
          />
          <YAxis allowDecimals={false} tick={AXIS} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: 'rgba(var(--brand-rgb), 0.06)' }}
            labelFormatter={(value) =>
              stats.interval === 'week' ? `Week of ${tick(String(value))}` : tick(String(value))
            }
          />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
          <Bar
            dataKey="clicks"
            name="Clicks"
            fill="var(--brand)"
            fillOpacity={0.85}
            radius={[3, 3, 0, 0]}
            maxBarSize={28}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="referrals"
            name="Referrals"
            stroke="#f59e0b"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="customers"
            name="Customers"
            stroke="#10b981"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
