import { Typography } from '@strapi/design-system';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import type { Overview } from '../../../../plugin/contracts/admin';
import { money } from '../../components/format';
import { useT } from '../../hooks/useT';
import { ChartCard } from './ChartCard';

/** Attributed revenue per day in the currency with the most revenue (one scale per chart). */
export const RevenueChart = ({ revenue }: { revenue: Overview['revenueSeries'] }) => {
  const t = useT();
  const theme = useTheme();
  const totals = new Map<string, number>();
  for (const point of revenue)
    totals.set(point.currency, (totals.get(point.currency) ?? 0) + point.amount);
  const [currency] = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  const points = revenue.filter((point) => point.currency === currency);
  return (
    <ChartCard
      id="revenue"
      title={currency ? t('overview.chart.revenueIn', { currency }) : t('overview.chart.revenue')}
    >
      {points.length === 0 ? (
        <Typography textColor="neutral600">{t('overview.chart.empty')}</Typography>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={theme.colors.neutral150} vertical={false} />
            <XAxis dataKey="date" stroke={theme.colors.neutral500} fontSize={12} />
            <YAxis
              stroke={theme.colors.neutral500}
              fontSize={12}
              tickFormatter={(value: number) => money(value, currency)}
            />
            <Tooltip formatter={(value) => money(Number(value), currency)} />
            <Bar
              dataKey="amount"
              name={t('overview.kpi.revenue')}
              fill={theme.colors.primary500}
              radius={[4, 4, 0, 0]}
            />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
};
