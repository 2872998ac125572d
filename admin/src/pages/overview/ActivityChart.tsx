import { Typography } from '@strapi/design-system';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from 'styled-components';
import type { Overview } from '../../../../plugin/contracts/admin';
import { useT } from '../../hooks/useT';
import { ChartCard } from './ChartCard';

/** Clicks, referrals and new customers per day (or month) of the range. */
export const ActivityChart = ({ series }: { series: Overview['series'] }) => {
  const t = useT();
  const theme = useTheme();
  const empty = series.every((point) => point.clicks + point.referrals + point.customers === 0);
  return (
    <ChartCard id="activity" title={t('overview.chart.activity')}>
      {empty ? (
        <Typography textColor="neutral600">{t('overview.chart.empty')}</Typography>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={series} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid stroke={theme.colors.neutral150} vertical={false} />
            <XAxis dataKey="date" stroke={theme.colors.neutral500} fontSize={12} />
            <YAxis allowDecimals={false} stroke={theme.colors.neutral500} fontSize={12} />
            <Tooltip />
            <Legend />
            <Line
              type="monotone"
              dataKey="clicks"
              name={t('overview.kpi.clicks')}
              stroke={theme.colors.primary600}
              dot={false}
              strokeWidth={2}
            />
            <Line
              type="monotone"
              dataKey="referrals"
              name={t('overview.kpi.referrals')}
              stroke={theme.colors.secondary500}
              dot={false}
              strokeWidth={2}
            />
            <Line
              type="monotone"
              dataKey="customers"
              name={t('overview.kpi.customers')}
              stroke={theme.colors.success500}
              dot={false}
              strokeWidth={2}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
};
