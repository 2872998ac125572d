import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import type { PartnerDetail } from '../../../../plugin/contracts/admin';
import { moneyList } from '../../components/format';
import { useT } from '../../hooks/useT';

const Stat = ({ label, value }: { label: string; value: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} height="100%">
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="beta" tag="p">
        {value}
      </Typography>
    </Flex>
  </Box>
);

/** The partner's numbers: traffic, referrals and what it earned by ledger status. */
export const PartnerSummary = ({ partner }: { partner: PartnerDetail }) => {
  const t = useT();
  const currency =
    Object.values(partner.earnings).flatMap((list) => list.map((item) => item.currency))[0] ??
    'USD';
  const stats = [
    { id: 'clicks', value: String(partner.counts.clicks) },
    { id: 'referrals', value: String(partner.counts.referrals) },
    { id: 'customers', value: String(partner.counts.customers) },
    { id: 'recruits', value: String(partner.counts.recruits) },
    { id: 'pending', value: moneyList(partner.earnings.pending, currency) },
    { id: 'approved', value: moneyList(partner.earnings.approved, currency) },
    { id: 'paid', value: moneyList(partner.earnings.paid, currency) },
    { id: 'reversed', value: moneyList(partner.earnings.reversed, currency) },
  ];
  return (
    <Grid.Root gap={4}>
      {stats.map((stat) => (
        <Grid.Item key={stat.id} col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <Stat label={t(`partner.stat.${stat.id}`)} value={stat.value} />
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
