import { Box, Flex, Tabs } from '@strapi/design-system';
import { DEAL_STATUSES, REFERRAL_STATUSES } from '../../../../plugin/model';
import { QuerySelect, useListQuery } from '../../components/ListQuery';
import { usePartnerOptions, useProgramOptions } from '../../components/Options';
import { PluginPage } from '../../components/PluginPage';
import { useT } from '../../hooks/useT';
import { DealsTable } from './DealsTable';
import { ReferralsTable } from './ReferralsTable';

/** Referred contacts and deal registrations (`?tab=deals`), with their filters. */
export const ReferralsPage = () => {
  const t = useT();
  const { query, set } = useListQuery();
  const programs = useProgramOptions();
  const partners = usePartnerOptions();
  const tab = query.tab === 'deals' ? 'deals' : 'referrals';
  const { status, partner, program, page, pageSize, sort } = query;
  const statuses = tab === 'deals' ? DEAL_STATUSES : REFERRAL_STATUSES;
  return (
    <PluginPage
      title={t('referrals.title')}
      subtitle={t('referrals.subtitle')}
      startActions={
        <Flex gap={3} wrap="wrap" alignItems="flex-end">
          <QuerySelect
            name="status"
            label={t('filters.status')}
            options={statuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          />
          <QuerySelect name="program" label={t('filters.program')} options={programs} />
          <QuerySelect name="partner" label={t('filters.partner')} options={partners} />
          {tab === 'deals' ? (
            <QuerySelect
              name="sort"
              label={t('deals.sort')}
              allLabel={t('deals.sort.createdAt')}
              options={[{ value: 'expectedCloseAt', label: t('deals.sort.expectedCloseAt') }]}
            />
          ) : null}
        </Flex>
      }
    >
      <Tabs.Root
        variant="simple"
        value={tab}
        onValueChange={(next) =>
          set({ tab: next === 'deals' ? 'deals' : undefined, status: undefined, sort: undefined })
        }
      >
        <Tabs.List aria-label={t('referrals.title')}>
          <Tabs.Trigger value="referrals">{t('referrals.tab.referrals')}</Tabs.Trigger>
          <Tabs.Trigger value="deals">{t('referrals.tab.deals')}</Tabs.Trigger>
        </Tabs.List>
        <Box paddingTop={4}>
          <Tabs.Content value="referrals">
            <ReferralsTable query={{ status, partner, program, page, pageSize }} />
          </Tabs.Content>
          <Tabs.Content value="deals">
            <DealsTable query={{ status, partner, program, page, pageSize, sort }} />
          </Tabs.Content>
        </Box>
      </Tabs.Root>
    </PluginPage>
  );
};
