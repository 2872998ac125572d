import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import type { Overview } from '../../../../plugin/contracts/admin';
import { day, moneyList, percent } from '../../components/format';
import { useT } from '../../hooks/useT';
import { dealSummary } from './deal-summary';

const Kpi = ({
  id,
  label,
  value,
  hint,
  period,
}: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  period: string;
}) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} height="100%" data-kpi={id}>
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="pi" textColor="neutral500" data-period>
        {period}
      </Typography>
      <Typography variant="alpha" tag="p" data-value>
        {value}
      </Typography>
      {hint ? (
        <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'pre-line' }}>
          {hint}
        </Typography>
      ) : null}
    </Flex>
  </Box>
);

const count = new Intl.NumberFormat('en-US');
const monthName = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * The headline numbers of the period: traffic, conversions, revenue, commissions, activation.
 * Every card names the period it covers and what of it: clicks in it, entries created in it.
 */
export const KpiCards = ({
  kpis,
  currency,
  range,
}: {
  kpis: Overview['kpis'];
  currency: string;
  range: Overview['range'];
}) => {
  const t = useT();
  const dates = { from: day(range.from), to: day(range.to) };
  const cards: { id: string; value: string; hint?: string; period: string }[] = [
    {
      id: 'clicks',
      value: count.format(kpis.clicks),
      hint: t('overview.kpi.uniqueClicks', { count: count.format(kpis.uniqueClicks) }),
      period: t('overview.period.in', dates),
    },
    {
      id: 'referrals',
      value: count.format(kpis.referrals),
      period: t('overview.period.created', dates),
    },
    {
      id: 'customers',
      value: count.format(kpis.customers),
      period: t('overview.period.converted', dates),
    },
    {
      id: 'conversionRate',
      value: percent(kpis.conversionRateBps),
      hint: t('overview.kpi.conversionRate.hint', {
        converted: count.format(kpis.convertedReferrals),
        referrals: kpis.referrals,
      }),
      period: t('overview.period.created', dates),
    },
    {
      id: 'clickToCustomer',
      value: percent(kpis.clickToCustomerBps),
      hint: t('overview.kpi.clickToCustomer.hint'),
      period: t('overview.period.in', dates),
    },
    {
      id: 'revenue',
      value: moneyList(kpis.attributedRevenue, currency),
      period: t('overview.period.paid', dates),
    },
    ...(['pending', 'approved', 'paid'] as const).map((state) => ({
      id: state,
      value: moneyList(kpis.commissions[state], currency),
      period: t('overview.period.created', dates),
    })),
    {
      id: 'deals',
      value: count.format(kpis.deals.reduce((total, deal) => total + deal.count, 0)),
      hint: dealSummary(kpis.deals, currency),
      period: t('overview.period.created', dates),
    },
    {
      id: 'activation',
      value: percent(kpis.activation.rateBps),
      hint: [
        t('overview.kpi.activation.hint', {
          activated: kpis.activation.activated,
          joined: kpis.activation.joined,
        }),
        ...kpis.activation.cohorts.map((cohort) =>
          t('overview.kpi.activation.cohort', {
            month: monthName.format(new Date(`${cohort.month}T00:00:00Z`)),
            rate: percent(cohort.rateBps),
            activated: cohort.activated,
            joined: cohort.joined,
          })
        ),
      ].join('\n'),
      period: t('overview.period.joined', dates),
    },
  ];
  return (
    <Grid.Root gap={4}>
      {cards.map((card) => (
        <Grid.Item key={card.id} col={4} s={6} xs={12} direction="column" alignItems="stretch">
          <Kpi
            id={card.id}
            label={t(`overview.kpi.${card.id}`)}
            value={card.value}
            hint={card.hint}
            period={card.period}
          />
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
