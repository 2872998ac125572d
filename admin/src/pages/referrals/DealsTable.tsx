import * as React from 'react';
import { Button, Flex } from '@strapi/design-system';

import type { DealView } from '../../../../plugin/contracts/admin';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { day, money } from '../../components/format';
import { ListFooter } from '../../components/ListQuery';
import { ReasonDialog } from '../../components/ReasonDialog';
import { SimpleTable, Text } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { type Query, toQueryString, useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';

type Decision = { kind: 'approve' | 'reject'; deal: DealView } | null;

/** Deal registrations from partners: approving one attributes the customer to the partner. */
export const DealsTable = ({ query }: { query: Query }) => {
  const t = useT();
  const can = usePermissions();
  const api = useAction();
  const [decision, setDecision] = React.useState<Decision>(null);
  const { data, pagination, isLoading, error, refetch } = useApi<DealView[]>(
    `/partners/deals${toQueryString(query)}`
  );
  if (error) return <ErrorState error={error} />;
  if (isLoading && !data) return <LoadingState />;
  if (!data || data.length === 0) return <EmptyState text={t('deals.empty')} />;
  const approve = decision?.kind === 'approve';
  return (
    <>
      <SimpleTable
        rows={data}
        rowKey={(row) => row.documentId}
        empty={t('deals.empty')}
        columns={[
          {
            id: 'company',
            label: t('table.company'),
            render: (row) => <Text>{row.company ?? '—'}</Text>,
          },
          {
            id: 'contact',
            label: t('table.contact'),
            render: (row) => (
              <Text>{[row.contactName, row.contactEmail].filter(Boolean).join(' · ') || '—'}</Text>
            ),
          },
          {
            id: 'partner',
            label: t('table.partner'),
            render: (row) => <Text>{row.partner?.name ?? '—'}</Text>,
          },
          {
            id: 'value',
            label: t('table.estimatedValue'),
            render: (row) => (
              <Text>
                {row.estimatedValue !== null && row.currency
                  ? money(row.estimatedValue, row.currency)
                  : '—'}
              </Text>
            ),
          },
          {
            id: 'status',
            label: t('table.status'),
            render: (row) => <StatusBadge status={row.status} />,
          },
          {
            id: 'expires',
            label: t('table.expires'),
            render: (row) => <Text>{day(row.expiresAt)}</Text>,
          },
          {
            id: 'actions',
            label: t('table.actions'),
            render: (row) =>
              can.managePartners && row.status === 'submitted' ? (
                <Flex gap={2}>
                  <Button
                    size="S"
                    variant="success-light"
                    onClick={() => setDecision({ kind: 'approve', deal: row })}
                  >
                    {t('actions.approve')}
                  </Button>
                  <Button
                    size="S"
                    variant="danger-light"
                    onClick={() => setDecision({ kind: 'reject', deal: row })}
                  >
                    {t('actions.reject')}
                  </Button>
                </Flex>
              ) : (
                <Text>{row.decisionNote ?? ''}</Text>
              ),
          },
        ]}
      />
      <ListFooter pagination={pagination} />
      <ReasonDialog
        open={decision !== null}
        onClose={() => setDecision(null)}
        title={t(approve ? 'deals.approve.title' : 'deals.reject.title', {
          company: decision?.deal.company ?? '',
        })}
        description={t(approve ? 'deals.approve.description' : 'deals.reject.description')}
        label={t('deals.note')}
        confirmLabel={t(approve ? 'actions.approve' : 'actions.reject')}
        required={!approve}
        variant={approve ? 'success-light' : 'danger'}
        onConfirm={async (note) => {
          if (!decision) return;
          const done = await api.post(
            `/partners/deals/${decision.deal.documentId}/${decision.kind}`,
            note ? { note } : {},
            t(approve ? 'deals.approved' : 'deals.rejected')
          );
          if (done !== undefined) refetch();
        }}
      />
    </>
  );
};
