import { ErrorState, LoadingState } from '../../components/LoadState';
import { Flex, Grid } from '@strapi/design-system';

import type { Overview } from '../../../../plugin/contracts/admin';
import { day } from '../../components/format';
import { useListQuery } from '../../components/ListQuery';
import { PluginPage } from '../../components/PluginPage';
import { useApi, toQueryString } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';
import { ActivityChart } from './ActivityChart';
import { FirstRun } from './FirstRun';
import { KpiCards } from './KpiCards';
import { OverviewFilters } from './OverviewFilters';
import { RevenueChart } from './RevenueChart';
import { TopPartners } from './TopPartners';

/** Analytics of the programs (SPEC §9): KPIs and charts for the filtered range. */
export const OverviewPage = () => {
  const t = useT();
  const { query } = useListQuery();
  const { from, to, program, tier, partner } = query;
  const { data, isLoading, error } = useApi<Overview>(
    `/partners/overview${toQueryString({ from, to, program, tier, partner })}`
  );

  return (
    <PluginPage
      title={t('overview.title')}
      subtitle={
        data
          ? t('overview.subtitle', { from: day(data.range.from), to: day(data.range.to) })
          : undefined
      }
      startActions={<OverviewFilters />}
    >
      {error ? (
        <ErrorState error={error} />
      ) : isLoading && !data ? (
        <LoadingState />
      ) : data ? (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <FirstRun setup={data.setup} />
          <KpiCards kpis={data.kpis} currency={data.currency} range={data.range} />
          <Grid.Root gap={4}>
            <Grid.Item col={7} xs={12} direction="column" alignItems="stretch">
              <ActivityChart series={data.series} />
            </Grid.Item>
            <Grid.Item col={5} xs={12} direction="column" alignItems="stretch">
              <RevenueChart revenue={data.revenueSeries} />
            </Grid.Item>
          </Grid.Root>
          <TopPartners
            partners={data.topPartners}
            contribution={data.contribution}
            currency={data.currency}
          />
        </Flex>
      ) : null}
    </PluginPage>
  );
};
