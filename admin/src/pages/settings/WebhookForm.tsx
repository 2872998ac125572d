import * as React from 'react';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Textarea,
  Typography,
} from '@strapi/design-system';
import {
  headerLines,
  isPartnerEvent,
  PARTNER_EVENT_NAMES,
  parseHeaderLines,
} from '../../../../plugin/contracts/webhooks';
import { useT } from '../../hooks/useT';
import { TextField } from '../programs/inputs';

/** A webhook as Strapi's admin API (`/admin/webhooks`) answers it. */
export interface StrapiWebhook {
  id: string | number;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

/** What the form saves: the partner events chosen and the headers parsed. */
export interface WebhookDraft {
  name: string;
  url: string;
  headers: Record<string, string>;
  partnerEvents: string[];
}

/**
 * A webhook's name, address, headers and partner events. Its other events (entries, media) are
 * not shown and stay as they are. `onSave` answers whether Strapi saved it.
 */
export const WebhookForm = ({
  webhook,
  onSave,
  onCancel,
}: {
  webhook: StrapiWebhook | null;
  onSave: (draft: WebhookDraft) => Promise<boolean>;
  onCancel: () => void;
}) => {
  const t = useT();
  const [name, setName] = React.useState(webhook?.name ?? '');
  const [url, setUrl] = React.useState(webhook?.url ?? '');
  const [headers, setHeaders] = React.useState(headerLines(webhook?.headers ?? {}));
  const [events, setEvents] = React.useState<string[]>(
    webhook?.events.filter(isPartnerEvent) ?? []
  );
  const [busy, setBusy] = React.useState(false);
  const parsedHeaders = parseHeaderLines(headers);
  const toggle = (event: string, on: boolean) =>
    setEvents((current) => (on ? [...current, event] : current.filter((each) => each !== event)));
  const ready = name.trim() !== '' && url.trim() !== '' && parsedHeaders && events.length > 0;

  const save = async () => {
    if (!parsedHeaders) return;
    setBusy(true);
    const saved = await onSave({
      name: name.trim(),
      url: url.trim(),
      headers: parsedHeaders,
      partnerEvents: events,
    });
    setBusy(false);
    if (saved) onCancel();
  };

  return (
    <Box padding={5} background="neutral100" hasRadius data-webhook-form>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">
          {webhook
            ? t('settings.webhooks.edit', { name: webhook.name })
            : t('settings.webhooks.add')}
        </Typography>
        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              name="webhook.name"
              label={t('settings.webhooks.name')}
              value={name}
              onChange={setName}
              required
            />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              name="webhook.url"
              label={t('settings.webhooks.url')}
              placeholder="https://"
              value={url}
              onChange={setUrl}
              required
            />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root
              name="webhook.headers"
              hint={t('settings.webhooks.headers.hint')}
              error={parsedHeaders ? undefined : t('settings.webhooks.headers.invalid')}
            >
              <Field.Label>{t('settings.webhooks.headers')}</Field.Label>
              <Textarea value={headers} onChange={(event) => setHeaders(event.target.value)} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
        <Typography variant="sigma" textColor="neutral600">
          {t('settings.webhooks.events')}
        </Typography>
        <Grid.Root gap={2}>
          {PARTNER_EVENT_NAMES.map((event) => (
            <Grid.Item key={event} col={4} s={12}>
              <Checkbox
                name={event}
                checked={events.includes(event)}
                onCheckedChange={(checked) => toggle(event, checked === true)}
              >
                {t(`settings.webhooks.event.${event}`)}
              </Checkbox>
            </Grid.Item>
          ))}
        </Grid.Root>
        <Flex gap={2} justifyContent="flex-end">
          <Button variant="tertiary" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button loading={busy} disabled={!ready} onClick={save}>
            {t('actions.save')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
