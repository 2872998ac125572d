import * as React from 'react';
import { Button, Flex, Link, Typography } from '@strapi/design-system';
import type { AdminListing } from '../../../../plugin/contracts/directory';
import { LISTING_STATES, nextListingState } from '../../../../plugin/directory';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { ListFooter, QuerySelect, useListQuery } from '../../components/ListQuery';
import { PluginPage } from '../../components/PluginPage';
import { SimpleTable, Text } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { toQueryString, useApi } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';
import { ListingModal } from './ListingModal';

/**
 * The agency directory's listings: applications to draft, drafts awaiting their partner, live
 * listings to edit or unpublish (docs/directory.md).
 */
export const DirectoryPage = () => {
  const t = useT();
  const api = useAction();
  const { query } = useListQuery();
  const { status, page, pageSize } = query;
  const { data, pagination, isLoading, error, refetch } = useApi<AdminListing[]>(
    `/partners/directory/listings${toQueryString({ status, page, pageSize })}`
  );
  const [editing, setEditing] = React.useState<AdminListing | null>(null);

  const act = async (listing: AdminListing, action: 'unpublish' | 'reject') => {
    const done = await api.post(
      `/partners/directory/listings/${listing.documentId}/${action}`,
      {},
      t(`directory.${action}ed`)
    );
    if (done !== undefined) refetch();
  };

  return (
    <PluginPage
      title={t('directory.title')}
      subtitle={t('directory.subtitle')}
      startActions={
        <QuerySelect
          name="status"
          label={t('filters.status')}
          options={LISTING_STATES.map((value) => ({ value, label: t(`status.${value}`) }))}
        />
      }
    >
      {error ? (
        <ErrorState error={error} />
      ) : isLoading && !data ? (
        <LoadingState />
      ) : !data || data.length === 0 ? (
        <EmptyState text={t('directory.empty')} />
      ) : (
        <>
          <SimpleTable
            rows={data}
            rowKey={(row) => row.documentId}
            empty={t('directory.empty')}
            columns={[
              {
                id: 'name',
                label: t('directory.field.name'),
                render: (row) => (
                  <Flex direction="column" alignItems="flex-start">
                    <Typography fontWeight="bold">{row.name}</Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {row.partner?.name ?? ''}
                    </Typography>
                  </Flex>
                ),
              },
              {
                id: 'status',
                label: t('table.status'),
                render: (row) => <StatusBadge status={row.status} />,
              },
              {
                id: 'services',
                label: t('directory.field.services'),
                render: (row) => <Text>{row.services.join(', ') || '—'}</Text>,
              },
              {
                id: 'live',
                label: t('directory.live'),
                render: (row) =>
                  row.publicPath ? (
                    <Link href={row.publicPath} isExternal>
                      {row.live?.slug}
                    </Link>
                  ) : (
                    <Text>—</Text>
                  ),
              },
              {
                id: 'actions',
                label: t('table.actions'),
                render: (row) => (
                  <Flex gap={1}>
                    {nextListingState(row.status, 'draft') && (
                      <Button size="S" variant="secondary" onClick={() => setEditing(row)}>
                        {t('directory.draft')}
                      </Button>
                    )}
                    {row.live && nextListingState(row.status, 'unpublish') && (
                      <Button size="S" variant="danger-light" onClick={() => act(row, 'unpublish')}>
                        {t('directory.unpublish')}
                      </Button>
                    )}
                    {nextListingState(row.status, 'reject') && (
                      <Button size="S" variant="danger-light" onClick={() => act(row, 'reject')}>
                        {t('directory.reject')}
                      </Button>
                    )}
                  </Flex>
                ),
              },
            ]}
          />
          <ListFooter pagination={pagination} />
        </>
      )}
      <ListingModal listing={editing} onClose={() => setEditing(null)} onSaved={refetch} />
    </PluginPage>
  );
};
