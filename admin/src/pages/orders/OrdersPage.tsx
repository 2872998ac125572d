import { Flex, Tooltip, Typography } from '@strapi/design-system';

import type { OrderView } from '../../../../plugin/contracts/admin';
import { ORDER_STATUSES } from '../../../../plugin/model';
import { DayFilter } from '../../components/DayFilter';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { day, money } from '../../components/format';
import { ListFooter, QuerySelect, useListQuery } from '../../components/ListQuery';
import { usePartnerOptions, useProgramOptions } from '../../components/Options';
import { PluginPage } from '../../components/PluginPage';
import { SimpleTable, Text, WRAP } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { toQueryString, useApi } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';

const OrderFilters = () => {
  const t = useT();
  const programs = useProgramOptions();
  const partners = usePartnerOptions();
  return (
    <Flex gap={3} wrap="wrap" alignItems="flex-end">
      <QuerySelect
        name="status"
        label={t('filters.status')}
        options={ORDER_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
      />
      <QuerySelect name="program" label={t('filters.program')} options={programs} />
      <QuerySelect name="partner" label={t('filters.partner')} options={partners} />
      <DayFilter name="from" label={t('filters.from')} />
      <DayFilter name="to" label={t('filters.to')} />
    </Flex>
  );
};

/** Orders the site reported, with the partner they were attributed to, or why they earn nothing. */
export const OrdersPage = () => {
  const t = useT();
  const { query } = useListQuery();
  const { status, program, partner, from, to, page, pageSize } = query;
  const { data, pagination, isLoading, error } = useApi<OrderView[]>(
    `/partners/orders${toQueryString({ status, program, partner, from, to, page, pageSize })}`
  );
  return (
    <PluginPage
      title={t('orders.title')}
      subtitle={t('orders.subtitle')}
      startActions={<OrderFilters />}
    >
      {error ? (
        <ErrorState error={error} />
      ) : isLoading && !data ? (
        <LoadingState />
      ) : !data || data.length === 0 ? (
        <EmptyState text={t('orders.empty')} />
      ) : (
        <>
          <SimpleTable
            rows={data}
            rowKey={(row) => row.documentId}
            empty={t('orders.empty')}
            columns={[
              {
                id: 'order',
                label: t('table.order'),
                style: { maxWidth: '11rem' },
                render: (row) => (
                  <Flex direction="column" alignItems="stretch">
                    <Typography fontWeight="bold" ellipsis title={row.externalId}>
                      {row.externalId}
                    </Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {t(`orders.source.${row.source}`)}
                    </Typography>
                  </Flex>
                ),
              },
              {
                id: 'customer',
                label: t('table.customer'),
                style: WRAP,
                render: (row) => <Text>{row.customerName ?? row.customerEmail ?? '—'}</Text>,
              },
              {
                id: 'partner',
                label: t('table.partner'),
                style: WRAP,
                render: (row) => <Text>{row.partner?.name ?? '—'}</Text>,
              },
              {
                id: 'program',
                label: t('table.program'),
                style: WRAP,
                render: (row) => <Text>{row.program?.name ?? '—'}</Text>,
              },
              {
                id: 'amount',
                label: t('table.amount'),
                render: (row) => (
                  <Flex direction="column" alignItems="flex-start">
                    <Text>{money(row.amount, row.currency)}</Text>
                    {row.refundedAmount > 0 ? (
                      <Typography variant="pi" textColor="danger600">
                        {t('orders.refunded', { amount: money(row.refundedAmount, row.currency) })}
                      </Typography>
                    ) : null}
                  </Flex>
                ),
              },
              {
                id: 'status',
                label: t('table.status'),
                render: (row) => <StatusBadge status={row.status} />,
              },
              {
                id: 'paid',
                label: t('table.paidAt'),
                render: (row) => <Text>{day(row.paidAt)}</Text>,
              },
              {
                id: 'eligibility',
                label: t('table.earns'),
                render: (row) =>
                  row.earns === 'ineligible' ? (
                    <Tooltip label={row.ineligibleReason}>
                      <Typography textColor="danger600">{t('orders.ineligible')}</Typography>
                    </Tooltip>
                  ) : (
                    <Text data-earns={row.earns}>
                      {row.earns === 'unattributed' ? '—' : t(`orders.earns.${row.earns}`)}
                    </Text>
                  ),
              },
            ]}
          />
          <ListFooter pagination={pagination} />
        </>
      )}
    </PluginPage>
  );
};
