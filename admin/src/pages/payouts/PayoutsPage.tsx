import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Play } from '@strapi/icons';

import type { PayoutView } from '../../../../plugin/contracts/payouts';
import { PAYOUT_STATUSES } from '../../../../plugin/model';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { day, money } from '../../components/format';
import { ListFooter, QuerySelect, useListQuery } from '../../components/ListQuery';
import { usePartnerOptions } from '../../components/Options';
import { PluginPage } from '../../components/PluginPage';
import { SimpleTable, Text } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { toQueryString, useApi } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';
import { PayoutActions } from './PayoutActions';
import { PayoutExports } from './PayoutExports';
import { recentPeriods } from './period';
import { RunPayoutsDialog } from './RunPayoutsDialog';

const CURRENCY_OPTIONS = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'].map((value) => ({
  value,
  label: value,
}));

/** Payouts (SPEC §10): run a period, send or mark each one, download the files. */
export const PayoutsPage = () => {
  const t = useT();
  const [running, setRunning] = React.useState(false);
  const { query, set } = useListQuery();
  const partners = usePartnerOptions();
  const { period, status, currency, partner, page, pageSize } = query;
  const { data, pagination, isLoading, error, refetch } = useApi<PayoutView[]>(
    `/partners/payouts${toQueryString({ period, status, currency, partner, page, pageSize })}`
  );
  return (
    <PluginPage
      title={t('payouts.title')}
      subtitle={t('payouts.subtitle')}
      primaryAction={
        <Flex gap={2}>
          <PayoutExports period={period} status={status} currency={currency} />
          <Button startIcon={<Play />} onClick={() => setRunning(true)}>
            {t('payouts.run')}
          </Button>
        </Flex>
      }
      startActions={
        <Flex gap={3} wrap="wrap" alignItems="flex-end">
          <QuerySelect
            name="period"
            label={t('payouts.period')}
            options={recentPeriods().map((value) => ({ value, label: value }))}
          />
          <QuerySelect
            name="status"
            label={t('filters.status')}
            options={PAYOUT_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          />
          <QuerySelect name="currency" label={t('filters.currency')} options={CURRENCY_OPTIONS} />
          <QuerySelect name="partner" label={t('filters.partner')} options={partners} />
        </Flex>
      }
    >
      {error ? (
        <ErrorState error={error} />
      ) : isLoading && !data ? (
        <LoadingState />
      ) : !data || data.length === 0 ? (
        <EmptyState text={t('payouts.empty')} />
      ) : (
        <>
          <SimpleTable
            rows={data}
            rowKey={(row) => row.documentId}
            empty={t('payouts.empty')}
            columns={[
              {
                id: 'partner',
                label: t('table.partner'),
                render: (row) => (
                  <Flex direction="column" alignItems="flex-start">
                    <Typography fontWeight="bold">{row.partner?.name ?? '—'}</Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {row.partner?.email ?? ''}
                    </Typography>
                  </Flex>
                ),
              },
              {
                id: 'amount',
                label: t('table.amount'),
                render: (row) => <Text>{money(row.amount, row.currency)}</Text>,
              },
              {
                id: 'period',
                label: t('payouts.period'),
                render: (row) => <Text>{`${day(row.periodStart)} – ${day(row.periodEnd)}`}</Text>,
              },
              {
                id: 'method',
                label: t('payouts.method'),
                render: (row) => (
                  <Text>{row.method ? t(`payouts.method.${row.method.type}`) : '—'}</Text>
                ),
              },
              {
                id: 'status',
                label: t('table.status'),
                render: (row) => <StatusBadge status={row.status} />,
              },
              {
                id: 'reference',
                label: t('payouts.reference'),
                render: (row) => <Text>{row.reference ?? row.failureReason ?? '—'}</Text>,
              },
              {
                id: 'actions',
                label: t('table.actions'),
                render: (row) => <PayoutActions payout={row} onDone={refetch} />,
              },
            ]}
          />
          <ListFooter pagination={pagination} />
        </>
      )}
      <RunPayoutsDialog
        open={running}
        onClose={() => setRunning(false)}
        onDone={(ran) => {
          if (ran !== period) set({ period: ran });
          else refetch();
        }}
      />
    </PluginPage>
  );
};
