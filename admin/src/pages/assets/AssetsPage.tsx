import * as React from 'react';
import { Button, Dialog, Flex, IconButton, Link, Typography } from '@strapi/design-system';
import { Pencil, Plus, Trash, WarningCircle } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { AssetView } from '../../../../plugin/contracts/admin';
import { ASSET_TYPES } from '../../../../plugin/model';
import { safeHref } from '../../../../plugin/tracking/is-web-address';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { ListFooter, QuerySelect, useListQuery } from '../../components/ListQuery';
import { useProgramOptions } from '../../components/Options';
import { PluginPage } from '../../components/PluginPage';
import { SimpleTable, Text } from '../../components/SimpleTable';
import { useAction } from '../../hooks/useAction';
import { toQueryString, useApi } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';
import { AssetModal } from './AssetModal';

/** Marketing material partners download from the portal. */
export const AssetsPage = () => {
  const t = useT();
  const api = useAction();
  const programs = useProgramOptions();
  const { query } = useListQuery();
  const { program, type, page, pageSize } = query;
  const { data, pagination, isLoading, error, refetch } = useApi<AssetView[]>(
    `/partners/assets${toQueryString({ program, type, page, pageSize })}`
  );
  const [editing, setEditing] = React.useState<{ asset: AssetView | null } | null>(null);
  const [deleting, setDeleting] = React.useState<AssetView | null>(null);
  const create = (
    <Button startIcon={<Plus />} onClick={() => setEditing({ asset: null })}>
      {t('assets.create')}
    </Button>
  );
  return (
    <PluginPage
      title={t('assets.title')}
      subtitle={t('assets.subtitle')}
      primaryAction={create}
      startActions={
        <Flex gap={3} alignItems="flex-end">
          <QuerySelect name="program" label={t('filters.program')} options={programs} />
          <QuerySelect
            name="type"
            label={t('filters.type')}
            options={ASSET_TYPES.map((value) => ({ value, label: t(`assets.type.${value}`) }))}
          />
        </Flex>
      }
    >
      {error ? (
        <ErrorState error={error} />
      ) : isLoading && !data ? (
        <LoadingState />
      ) : !data || data.length === 0 ? (
        <EmptyState text={t('assets.empty')} action={create} />
      ) : (
        <>
          <SimpleTable
            rows={data}
            rowKey={(row) => row.documentId}
            empty={t('assets.empty')}
            columns={[
              {
                id: 'title',
                label: t('assets.field.title'),
                render: (row) => (
                  <Flex direction="column" alignItems="flex-start">
                    <Typography fontWeight="bold">{row.title}</Typography>
                    <Typography variant="pi" textColor="neutral600" ellipsis>
                      {row.description ?? ''}
                    </Typography>
                  </Flex>
                ),
              },
              {
                id: 'type',
                label: t('assets.field.type'),
                render: (row) => <Text>{t(`assets.type.${row.type}`)}</Text>,
              },
              {
                id: 'program',
                label: t('table.program'),
                render: (row) => <Text>{row.program?.name ?? t('assets.allPrograms')}</Text>,
              },
              {
                id: 'link',
                label: t('assets.field.url'),
                render: (row) => {
                  const href = safeHref(row.file?.url) ?? safeHref(row.url);
                  return href ? (
                    <Link href={href} isExternal>
                      {row.file?.name ?? href}
                    </Link>
                  ) : (
                    <Text>—</Text>
                  );
                },
              },
              {
                id: 'actions',
                label: t('table.actions'),
                render: (row) => (
                  <Flex gap={1}>
                    <IconButton
                      label={t('actions.edit')}
                      variant="ghost"
                      onClick={() => setEditing({ asset: row })}
                    >
                      <Pencil />
                    </IconButton>
                    <IconButton
                      label={t('actions.delete')}
                      variant="ghost"
                      onClick={() => setDeleting(row)}
                    >
                      <Trash />
                    </IconButton>
                  </Flex>
                ),
              },
            ]}
          />
          <ListFooter pagination={pagination} />
        </>
      )}
      <AssetModal
        open={editing !== null}
        asset={editing?.asset ?? null}
        onClose={() => setEditing(null)}
        onSaved={refetch}
      />
      <Dialog.Root
        open={deleting !== null}
        onOpenChange={(open) => (open ? undefined : setDeleting(null))}
      >
        <ConfirmDialog
          icon={<WarningCircle fill="danger600" />}
          variant="danger"
          onConfirm={async () => {
            if (!deleting) return;
            if (
              (await api.del(`/partners/assets/${deleting.documentId}`, t('assets.deleted'))) !==
              undefined
            )
              refetch();
          }}
        >
          {t('assets.delete.confirm', { title: deleting?.title ?? '' })}
        </ConfirmDialog>
      </Dialog.Root>
    </PluginPage>
  );
};
