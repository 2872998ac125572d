import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import type { Overview } from '../../../../plugin/contracts/admin';
import { moneyList, percent } from '../../components/format';
import { useT } from '../../hooks/useT';

const Kpi = ({
  id,
  label,
  value,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  hint?: string;
}) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} height="100%" data-kpi={id}>
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="alpha" tag="p" data-value>
        {value}
      </Typography>
      {hint ? (
        <Typography variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      ) : null}
    </Flex>
  </Box>
);

const count = new Intl.NumberFormat('en-US');

/** The headline numbers of the period: traffic, conversions, revenue, commissions, activation. */
export const KpiCards = ({ kpis, currency }: { kpis: Overview['kpis']; currency: string }) => {
  const t = useT();
  const cards = [
    {
      id: 'clicks',
      value: count.format(kpis.clicks),
      hint: t('overview.kpi.uniqueClicks', { count: count.format(kpis.uniqueClicks) }),
    },
    { id: 'referrals', value: count.format(kpis.referrals) },
    { id: 'customers', value: count.format(kpis.customers) },
    {
      id: 'conversionRate',
      value: percent(kpis.conversionRateBps),
      hint: t('overview.kpi.conversionRate.hint'),
    },
    { id: 'revenue', value: moneyList(kpis.attributedRevenue, currency) },
    { id: 'pending', value: moneyList(kpis.commissions.pending, currency) },
    { id: 'approved', value: moneyList(kpis.commissions.approved, currency) },
    { id: 'paid', value: moneyList(kpis.commissions.paid, currency) },
    {
      id: 'activation',
      value: percent(kpis.activation.rateBps),
      hint: t('overview.kpi.activation.hint', {
        activated: kpis.activation.activated,
        joined: kpis.activation.joined,
      }),
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
          />
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
