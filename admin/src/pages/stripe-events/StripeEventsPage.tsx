import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';

import type { StripeEventView } from '../../../../plugin/contracts/admin';
import { STRIPE_EVENT_STATES } from '../../../../plugin/model';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { dateTime } from '../../components/format';
import { ListFooter, QuerySelect, useListQuery } from '../../components/ListQuery';
import { PluginPage } from '../../components/PluginPage';
import { SimpleTable, Text, WRAP } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { toQueryString, useApi } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';

/** Why the event is in its state: the failure, or why it was not used, and what happens next. */
const Reason = ({ event }: { event: StripeEventView }) => {
  const t = useT();
  if (event.state === 'ignored') {
    return <Text>{t('stripeEvents.ignoredBecause', { reason: event.note ?? '' })}</Text>;
  }
  if (event.state !== 'failed') return <Text>—</Text>;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography textColor="danger600" data-reason>
        {event.lastError}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {event.nextAttemptAt
          ? t('stripeEvents.nextAttempt', { at: dateTime(event.nextAttemptAt) })
          : t('stripeEvents.gaveUp', { attempts: event.attempts })}
      </Typography>
    </Flex>
  );
};

/** Received Stripe events with their state, and a replay that says what the server did. */
export const StripeEventsPage = () => {
  const t = useT();
  const api = useAction();
  const { query } = useListQuery();
  const { state, page, pageSize } = query;
  const { data, pagination, isLoading, error, refetch } = useApi<StripeEventView[]>(
    `/partners/stripe-events${toQueryString({ state, page, pageSize })}`
  );
  const [replaying, setReplaying] = React.useState<string | null>(null);

  const replay = async (event: StripeEventView) => {
    setReplaying(event.documentId);
    const after = await api.post<StripeEventView>(
      `/partners/stripe-events/${event.documentId}/replay`,
      {}
    );
    setReplaying(null);
    if (!after) return;
    const message = t(`stripeEvents.replayed.${after.state}`, {
      eventId: after.eventId,
      reason: after.state === 'failed' ? after.lastError : after.note,
    });
    if (after.state === 'failed') api.warn(message);
    else api.notify(message);
    refetch();
  };

  return (
    <PluginPage
      title={t('stripeEvents.title')}
      subtitle={t('stripeEvents.subtitle')}
      startActions={
        <QuerySelect
          name="state"
          label={t('filters.status')}
          options={STRIPE_EVENT_STATES.map((value) => ({ value, label: t(`status.${value}`) }))}
        />
      }
    >
      {error ? (
        <ErrorState error={error} />
      ) : isLoading && !data ? (
        <LoadingState />
      ) : !data || data.length === 0 ? (
        <EmptyState text={t('stripeEvents.empty')} />
      ) : (
        <>
          <SimpleTable
            rows={data}
            rowKey={(row) => row.documentId}
            empty={t('stripeEvents.empty')}
            columns={[
              {
                id: 'event',
                label: t('table.type'),
                style: { maxWidth: '16rem' },
                render: (row) => (
                  <Flex direction="column" alignItems="stretch">
                    <Typography fontWeight="bold" ellipsis title={row.type}>
                      {row.type}
                    </Typography>
                    <Typography variant="pi" textColor="neutral600" ellipsis title={row.eventId}>
                      {row.eventId}
                    </Typography>
                  </Flex>
                ),
              },
              {
                id: 'state',
                label: t('table.status'),
                render: (row) => <StatusBadge status={row.state} />,
              },
              {
                id: 'times',
                label: t('stripeEvents.times'),
                render: (row) => (
                  <Flex direction="column" alignItems="flex-start">
                    <Text>{t('stripeEvents.received', { at: dateTime(row.receivedAt) })}</Text>
                    <Typography variant="pi" textColor="neutral600">
                      {t('stripeEvents.processed', { at: dateTime(row.processedAt) })}
                    </Typography>
                  </Flex>
                ),
              },
              {
                id: 'attempts',
                label: t('stripeEvents.attempts'),
                render: (row) => <Text>{row.attempts}</Text>,
              },
              {
                id: 'reason',
                label: t('stripeEvents.reason'),
                style: { ...WRAP, maxWidth: '24rem' },
                render: (row) => <Reason event={row} />,
              },
              {
                id: 'actions',
                label: t('table.actions'),
                render: (row) => (
                  <Button
                    variant="secondary"
                    size="S"
                    loading={replaying === row.documentId}
                    disabled={replaying !== null}
                    onClick={() => replay(row)}
                  >
                    {t('stripeEvents.replay')}
                  </Button>
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
