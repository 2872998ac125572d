import * as React from 'react';
import { Button, Flex, IconButton, Typography } from '@strapi/design-system';
import { Duplicate, Pencil, Plus } from '@strapi/icons';
import { useClipboard, useNotification } from '@strapi/strapi/admin';
import type {
  AdminLinkView,
  CreateAdminLinkRequest,
  PartnerDetail,
  ProgramRef,
  UpdateAdminLinkRequest,
} from '../../../../plugin/contracts/admin';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { SimpleTable, Text } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { type LinkEditing, type LinkFields, LinkModal } from './LinkModal';

/**
 * The partner's links and codes (a code also works as a coupon): short URL with copy, clicks,
 * status; editors with "Manage partners" add, edit, disable and enable them.
 */
export const PartnerLinks = ({ partner }: { partner: PartnerDetail }) => {
  const t = useT();
  const can = usePermissions();
  const api = useAction();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const path = `/partners/partners/${partner.documentId}/links`;
  const links = useApi<AdminLinkView[]>(path);
  const [editing, setEditing] = React.useState<LinkEditing>(null);
  const programs = React.useMemo(
    () =>
      partner.enrollments
        .map((enrollment) => enrollment.program)
        .filter((program): program is ProgramRef => program !== null),
    [partner.enrollments]
  );

  const change = async (
    link: AdminLinkView,
    data: UpdateAdminLinkRequest['data'],
    done: string
  ) => {
    const saved = await api.put<AdminLinkView>(`/partners/links/${link.documentId}`, data, done);
    if (saved !== undefined) links.refetch();
    return saved !== undefined;
  };
  const save = async (fields: LinkFields) => {
    const text = { label: fields.label.trim() || null, path: fields.path.trim() || null };
    if (editing === 'new') {
      const data: CreateAdminLinkRequest['data'] = {
        program: fields.program,
        ...(fields.code.trim() ? { code: fields.code.trim() } : {}),
        ...text,
      };
      const saved = await api.post<AdminLinkView>(path, data, t('partner.links.added'));
      if (saved !== undefined) links.refetch();
      return saved !== undefined;
    }
    if (!editing) return false;
    const code = fields.code.trim();
    return change(
      editing,
      { ...text, ...(code && code !== editing.code ? { code } : {}) },
      t('partner.links.saved')
    );
  };
  const copyUrl = async (url: string) => {
    if (await copy(url))
      toggleNotification({ type: 'success', message: t('partner.links.copied') });
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex justifyContent="space-between">
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2">
            {t('partner.links')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('partner.links.description')}
          </Typography>
        </Flex>
        {can.managePartners ? (
          <Button
            startIcon={<Plus />}
            variant="secondary"
            disabled={programs.length === 0}
            onClick={() => setEditing('new')}
          >
            {t('partner.links.add')}
          </Button>
        ) : null}
      </Flex>
      {links.error ? (
        <ErrorState error={links.error} />
      ) : links.isLoading && !links.data ? (
        <LoadingState />
      ) : (
        <SimpleTable
          rows={links.data ?? []}
          rowKey={(row) => row.documentId}
          empty={t('partner.links.empty')}
          columns={[
            {
              id: 'code',
              label: t('table.code'),
              render: (row) => <Typography fontWeight="bold">{row.code}</Typography>,
            },
            {
              id: 'program',
              label: t('table.program'),
              render: (row) => <Text>{row.program?.name ?? '—'}</Text>,
            },
            {
              id: 'label',
              label: t('table.label'),
              render: (row) => <Text>{row.label ?? '—'}</Text>,
            },
            { id: 'path', label: t('table.path'), render: (row) => <Text>{row.path ?? '/'}</Text> },
            {
              id: 'url',
              label: t('partner.links.url'),
              render: (row) => (
                <Flex gap={1}>
                  <Typography variant="pi" textColor="neutral800">
                    {row.url}
                  </Typography>
                  <IconButton
                    label={t('partner.links.copy', { code: row.code })}
                    variant="ghost"
                    onClick={() => copyUrl(row.url)}
                  >
                    <Duplicate />
                  </IconButton>
                </Flex>
              ),
            },
            {
              id: 'clicks',
              label: t('partner.links.clicks'),
              render: (row) => <Text>{row.clicks.toLocaleString('en-US')}</Text>,
            },
            {
              id: 'status',
              label: t('table.status'),
              render: (row) => <StatusBadge status={row.status} />,
            },
            ...(can.managePartners
              ? [
                  {
                    id: 'actions',
                    label: t('table.actions'),
                    render: (row: AdminLinkView) => (
                      <Flex gap={1}>
                        <IconButton
                          label={t('partner.links.editCode', { code: row.code })}
                          variant="ghost"
                          onClick={() => setEditing(row)}
                        >
                          <Pencil />
                        </IconButton>
                        <Button
                          size="S"
                          variant={row.status === 'active' ? 'danger-light' : 'secondary'}
                          onClick={() =>
                            row.status === 'active'
                              ? change(row, { status: 'disabled' }, t('partner.links.disabled'))
                              : change(row, { status: 'active' }, t('partner.links.enabled'))
                          }
                        >
                          {t(row.status === 'active' ? 'actions.disable' : 'actions.enable')}
                        </Button>
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <LinkModal
        editing={editing}
        programs={programs}
        onClose={() => setEditing(null)}
        onSave={save}
      />
    </Flex>
  );
};
