import * as React from 'react';
import { Badge, Button, Flex, Link, Typography } from '@strapi/design-system';

import type { DealPipelineRow, DealView } from '../../../../plugin/contracts/admin';
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
import { DealPipeline } from './DealPipeline';
import { WinDealDialog } from './WinDealDialog';

type Kind = 'approve' | 'reject' | 'lose';
type Decision = { kind: Kind; deal: DealView } | null;

const DIALOG: Record<
  Kind,
  { confirm: string; required: boolean; variant: 'success-light' | 'danger' }
> = {
  approve: { confirm: 'actions.approve', required: false, variant: 'success-light' },
  reject: { confirm: 'actions.reject', required: true, variant: 'danger' },
  lose: { confirm: 'deals.markLost', required: false, variant: 'danger' },
};

/** What the server did, from the deal it answered. */
const doneMessage = (t: ReturnType<typeof useT>, kind: Kind, deal: DealView) => {
  const company = deal.company ?? '';
  if (kind === 'approve') {
    return deal.expiresAt
      ? t('deals.approved.until', { company, date: day(deal.expiresAt) })
      : t('deals.approved', { company });
  }
  return t(kind === 'reject' ? 'deals.rejected' : 'deals.lost', { company });
};

/**
 * Deal registrations from partners, under their pipeline: approving one attributes the customer
 * to the partner until it expires, winning it for good.
 */
export const DealsTable = ({ query }: { query: Query }) => {
  const t = useT();
  const can = usePermissions();
  const api = useAction();
  const [decision, setDecision] = React.useState<Decision>(null);
  const [winning, setWinning] = React.useState<DealView | null>(null);
  const { data, pagination, isLoading, error, refetch } = useApi<DealView[]>(
    `/partners/deals${toQueryString(query)}`
  );
  const pipeline = useApi<DealPipelineRow[]>(
    `/partners/deals/pipeline${toQueryString({ program: query.program, partner: query.partner })}`
  );
  const refresh = () => {
    refetch();
    pipeline.refetch();
  };
  const summary = pipeline.data ? <DealPipeline rows={pipeline.data} /> : null;
  if (error) return <ErrorState error={error} />;
  if (isLoading && !data) return <LoadingState />;
  if (!data || data.length === 0) {
    return (
      <>
        {summary}
        <EmptyState text={t('deals.empty')} />
      </>
    );
  }
  const kind = decision?.kind ?? 'approve';
  return (
    <>
      {summary}
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
              <Flex direction="column" alignItems="flex-start">
                <Text>{row.contactName ?? '—'}</Text>
                <Typography variant="pi" textColor="neutral600">
                  {row.contactEmail ?? ''}
                </Typography>
              </Flex>
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
            id: 'expectedClose',
            label: t('table.expectedClose'),
            render: (row) => <Text>{day(row.expectedCloseAt)}</Text>,
          },
          {
            id: 'status',
            label: t('table.status'),
            render: (row) => (
              <Flex gap={1} data-deal-status={row.documentId}>
                <StatusBadge status={row.status} />
                {row.held && row.status === 'submitted' ? (
                  <Badge variant="alternative" title={t('deals.held.hint')} data-held>
                    {t('deals.held')}
                  </Badge>
                ) : null}
              </Flex>
            ),
          },
          {
            id: 'attachments',
            label: t('table.attachments'),
            render: (row) =>
              row.attachments.length === 0 ? (
                <Text>—</Text>
              ) : (
                <Flex direction="column" alignItems="flex-start" data-attachments={row.documentId}>
                  {row.attachments.map((file) => (
                    <Link key={file.id} href={file.url ?? undefined} isExternal>
                      {file.name}
                    </Link>
                  ))}
                </Flex>
              ),
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
              can.managePartners && row.status === 'approved' ? (
                <Flex gap={2} data-deal-actions={row.documentId}>
                  <Button size="S" variant="success-light" onClick={() => setWinning(row)}>
                    {t('deals.markWon')}
                  </Button>
                  <Button
                    size="S"
                    variant="danger-light"
                    onClick={() => setDecision({ kind: 'lose', deal: row })}
                  >
                    {t('deals.markLost')}
                  </Button>
                </Flex>
              ) : can.managePartners && row.status === 'submitted' ? (
                <Flex gap={2} data-deal-actions={row.documentId}>
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
        title={t(`deals.${kind}.title`, { company: decision?.deal.company ?? '' })}
        description={t(
          kind === 'approve' && decision?.deal.held
            ? 'deals.approve.heldDescription'
            : `deals.${kind}.description`
        )}
        label={t('deals.note')}
        confirmLabel={t(DIALOG[kind].confirm)}
        required={DIALOG[kind].required}
        variant={DIALOG[kind].variant}
        onConfirm={async (note) => {
          if (!decision) return;
          const done = await api.post<DealView>(
            `/partners/deals/${decision.deal.documentId}/${decision.kind}`,
            note ? { note } : {}
          );
          if (done) {
            api.notify(doneMessage(t, decision.kind, done));
            refresh();
          }
        }}
      />
      <WinDealDialog deal={winning} onClose={() => setWinning(null)} onDone={refresh} />
    </>
  );
};
