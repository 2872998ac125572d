import * as React from 'react';
import { Box, Button, Flex, Tabs } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { PARTNER_STATUSES } from '../../../../plugin/model';
import { QuerySelect, useListQuery } from '../../components/ListQuery';
import { partnerTypeOptions, useProgramOptions } from '../../components/Options';
import { PluginPage } from '../../components/PluginPage';
import { SearchFilter } from '../../components/SearchFilter';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { AddPartnerModal } from './AddPartnerModal';
import { ApplicationsTable } from './ApplicationsTable';
import { PartnersTable } from './PartnersTable';

const PartnerFilters = () => {
  const t = useT();
  const programs = useProgramOptions();
  return (
    <Flex gap={3} wrap="wrap" alignItems="flex-end">
      <SearchFilter label={t('partners.search')} />
      <QuerySelect
        name="status"
        label={t('filters.status')}
        options={PARTNER_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
      />
      <QuerySelect name="type" label={t('filters.type')} options={partnerTypeOptions(t)} />
      <QuerySelect name="program" label={t('filters.program')} options={programs} />
    </Flex>
  );
};

/** Partners, and the applications waiting for a decision (tab `?tab=applications`). */
export const PartnersPage = () => {
  const t = useT();
  const can = usePermissions();
  const { query, set } = useListQuery();
  const tab = can.managePartners && query.tab === 'applications' ? 'applications' : 'partners';
  const [adding, setAdding] = React.useState(false);
  /** Bumped when a partner was added, so the list loads again. */
  const [added, setAdded] = React.useState(0);
  return (
    <PluginPage
      title={t('partners.title')}
      subtitle={t('partners.subtitle')}
      primaryAction={
        can.managePartners ? (
          <Button startIcon={<Plus />} onClick={() => setAdding(true)}>
            {t('partners.add')}
          </Button>
        ) : undefined
      }
      startActions={tab === 'partners' ? <PartnerFilters /> : undefined}
    >
      <Tabs.Root
        variant="simple"
        value={tab}
        onValueChange={(next) =>
          set({ tab: next === 'applications' ? 'applications' : undefined, status: undefined })
        }
      >
        <Tabs.List aria-label={t('partners.title')}>
          <Tabs.Trigger value="partners">{t('partners.tab.all')}</Tabs.Trigger>
          {can.managePartners ? (
            <Tabs.Trigger value="applications">{t('partners.tab.applications')}</Tabs.Trigger>
          ) : null}
        </Tabs.List>
        <Box paddingTop={4}>
          <Tabs.Content value="partners">
            <PartnersTable key={added} />
          </Tabs.Content>
          {can.managePartners ? (
            <Tabs.Content value="applications">
              <ApplicationsTable />
            </Tabs.Content>
          ) : null}
        </Box>
      </Tabs.Root>
      {can.managePartners ? (
        <AddPartnerModal
          open={adding}
          onClose={() => setAdding(false)}
          onAdded={() => setAdded((value) => value + 1)}
        />
      ) : null}
    </PluginPage>
  );
};
