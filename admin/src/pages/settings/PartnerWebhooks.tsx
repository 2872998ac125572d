import * as React from 'react';
import { Badge, Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { Pencil, Plus, Trash } from '@strapi/icons';
import { ConfirmDialog, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { isPartnerEvent, withPartnerEvents } from '../../../../plugin/contracts/webhooks';
import { SimpleTable, Text, WRAP, type Column } from '../../components/SimpleTable';
import { errorMessage } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';
import { SectionHeading } from './SectionHeading';
import { WebhookForm, type StrapiWebhook, type WebhookDraft } from './WebhookForm';

type Loaded =
  | { state: 'loading' }
  | { state: 'denied' }
  | { state: 'failed'; message: string }
  | { state: 'loaded'; webhooks: StrapiWebhook[] };

const statusOf = (error: unknown) =>
  (error as { response?: { status?: number }; status?: number })?.response?.status ??
  (error as { status?: number })?.status;

/**
 * The plugin's events posted to other systems (accounting, Slack, a CRM) through Strapi's own
 * webhooks, created and edited here with the editor's own Strapi webhook permissions: Strapi's
 * Settings → Webhooks cannot offer a plugin's events as checkboxes. Every message repeats what
 * Strapi answered.
 */
export const PartnerWebhooks = () => {
  const t = useT();
  const { get, post, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [loaded, setLoaded] = React.useState<Loaded>({ state: 'loading' });
  const [editing, setEditing] = React.useState<StrapiWebhook | 'new' | null>(null);
  const [removing, setRemoving] = React.useState<StrapiWebhook | null>(null);

  const load = React.useCallback(async () => {
    try {
      const { data } = await get<{ data: StrapiWebhook[] }>('/admin/webhooks');
      setLoaded({ state: 'loaded', webhooks: data.data });
    } catch (error) {
      setLoaded(
        statusOf(error) === 403
          ? { state: 'denied' }
          : { state: 'failed', message: errorMessage(error) }
      );
    }
  }, [get]);
  React.useEffect(() => void load(), [load]);

  const request = async (send: () => Promise<unknown>, success: string) => {
    try {
      await send();
      toggleNotification({ type: 'success', message: success });
      await load();
      return true;
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      return false;
    }
  };

  const save = (webhook: StrapiWebhook | null) => (draft: WebhookDraft) => {
    const body = {
      name: draft.name,
      url: draft.url,
      headers: draft.headers,
      events: withPartnerEvents(webhook?.events ?? [], draft.partnerEvents),
    };
    return webhook
      ? request(
          () => put(`/admin/webhooks/${webhook.id}`, { ...body, isEnabled: webhook.isEnabled }),
          t('settings.webhooks.saved', { name: draft.name })
        )
      : request(
          () => post('/admin/webhooks', body),
          t('settings.webhooks.created', { name: draft.name })
        );
  };

  const columns: Array<Column<StrapiWebhook>> = [
    { id: 'name', label: t('settings.webhooks.name'), render: (row) => <Text>{row.name}</Text> },
    {
      id: 'url',
      label: t('settings.webhooks.url'),
      style: WRAP,
      render: (row) => <Text>{row.url}</Text>,
    },
    {
      id: 'events',
      label: t('settings.webhooks.events'),
      style: WRAP,
      render: (row) => (
        <Text>
          {row.events
            .filter(isPartnerEvent)
            .map((event) => t(`settings.webhooks.event.${event}`))
            .join(', ')}
        </Text>
      ),
    },
    {
      id: 'enabled',
      label: t('settings.webhooks.enabled'),
      render: (row) => (
        <Badge active={row.isEnabled}>
          {row.isEnabled ? t('settings.webhooks.on') : t('settings.webhooks.off')}
        </Badge>
      ),
    },
    {
      id: 'actions',
      label: t('table.actions'),
      render: (row) => (
        <Flex gap={2}>
          <Button
            size="S"
            variant="tertiary"
            startIcon={<Pencil />}
            onClick={() => setEditing(row)}
          >
            {t('actions.edit')}
          </Button>
          <Button
            size="S"
            variant="danger-light"
            startIcon={<Trash />}
            onClick={() => setRemoving(row)}
          >
            {t('actions.delete')}
          </Button>
        </Flex>
      ),
    },
  ];

  const body = () => {
    if (loaded.state === 'loading') return null;
    if (loaded.state === 'denied')
      return <Typography textColor="neutral600">{t('settings.webhooks.denied')}</Typography>;
    if (loaded.state === 'failed')
      return <Typography textColor="danger600">{loaded.message}</Typography>;
    return (
      <SimpleTable
        rows={loaded.webhooks.filter((webhook) => webhook.events.some(isPartnerEvent))}
        columns={columns}
        rowKey={(row) => String(row.id)}
        empty={t('settings.webhooks.empty')}
      />
    );
  };

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-section="webhooks">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
          <SectionHeading
            title={t('settings.webhooks')}
            description={t('settings.webhooks.description')}
          />
          {loaded.state === 'loaded' ? (
            <Button variant="secondary" startIcon={<Plus />} onClick={() => setEditing('new')}>
              {t('settings.webhooks.add')}
            </Button>
          ) : null}
        </Flex>
        {editing ? (
          <WebhookForm
            key={editing === 'new' ? 'new' : String(editing.id)}
            webhook={editing === 'new' ? null : editing}
            onSave={save(editing === 'new' ? null : editing)}
            onCancel={() => setEditing(null)}
          />
        ) : null}
        {body()}
      </Flex>
      <Dialog.Root
        open={removing !== null}
        onOpenChange={(open) => (open ? undefined : setRemoving(null))}
      >
        <ConfirmDialog
          variant="danger"
          title={t('settings.webhooks.delete.title')}
          onConfirm={async () => {
            const webhook = removing;
            setRemoving(null);
            if (webhook)
              await request(
                () => del(`/admin/webhooks/${webhook.id}`),
                t('settings.webhooks.deleted', { name: webhook.name })
              );
          }}
        >
          {t('settings.webhooks.delete.confirm', { name: removing?.name ?? '' })}
        </ConfirmDialog>
      </Dialog.Root>
    </Box>
  );
};
