import * as React from 'react';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Page } from '@strapi/strapi/admin';
import type { SettingsOverrides, SettingsView } from '../../../../plugin/contracts/admin';
import { PluginPage } from '../../components/PluginPage';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';
import { TextField, ToggleField } from '../programs/inputs';
import { DeliveryStatus } from './DeliveryStatus';
import { EffectiveConfig } from './EffectiveConfig';
import { PartnerWebhooks } from './PartnerWebhooks';
import { RollupRebuild } from './RollupRebuild';
import { SectionHeading } from './SectionHeading';

interface Form {
  title: string;
  logoUrl: string;
  primaryColor: string;
  jobsEnabled: boolean;
}

const toForm = (settings: SettingsView): Form => ({
  title: settings.effective.portal.title,
  logoUrl: settings.effective.portal.logoUrl ?? '',
  primaryColor: settings.effective.portal.primaryColor,
  jobsEnabled: settings.effective.jobs.enabled,
});

const toOverrides = (form: Form): SettingsOverrides => ({
  portal: {
    title: form.title.trim(),
    logoUrl: form.logoUrl.trim() === '' ? null : form.logoUrl.trim(),
    primaryColor: form.primaryColor.trim(),
  },
  jobs: { enabled: form.jobsEnabled },
});

const Editor = ({ settings, onSaved }: { settings: SettingsView; onSaved: () => void }) => {
  const t = useT();
  const api = useAction();
  const initial = toForm(settings);
  const [form, setForm] = React.useState(initial);
  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const save = async () => {
    if ((await api.put('/partners/settings', toOverrides(form), t('settings.saved'))) !== undefined)
      onSaved();
  };
  return (
    <PluginPage
      title={t('settings.title')}
      subtitle={t('settings.subtitle')}
      primaryAction={
        <Button startIcon={<Check />} disabled={!dirty} onClick={save}>
          {t('actions.save')}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Box
          background="neutral0"
          hasRadius
          shadow="tableShadow"
          padding={6}
          data-section="overrides"
        >
          <Flex direction="column" alignItems="stretch" gap={4}>
            <SectionHeading
              title={t('settings.portal')}
              description={t('settings.portal.description')}
            />
            <Grid.Root gap={5}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="portal.title"
                  label={t('settings.portal.title')}
                  value={form.title}
                  onChange={(title) => set({ title })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="portal.primaryColor"
                  label={t('settings.portal.primaryColor')}
                  hint={t('settings.portal.primaryColor.hint')}
                  value={form.primaryColor}
                  onChange={(primaryColor) => set({ primaryColor })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="portal.logoUrl"
                  label={t('settings.portal.logoUrl')}
                  value={form.logoUrl}
                  onChange={(logoUrl) => set({ logoUrl })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <ToggleField
                  name="jobs.enabled"
                  label={t('settings.jobs.enabled')}
                  hint={t('settings.jobs.enabled.hint')}
                  value={form.jobsEnabled}
                  onChange={(jobsEnabled) => set({ jobsEnabled })}
                />
              </Grid.Item>
            </Grid.Root>
          </Flex>
        </Box>
        <DeliveryStatus status={settings.status} />
        <PartnerWebhooks />
        <RollupRebuild />
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography variant="beta" tag="h2">
            {t('settings.effective')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('settings.effective.description')}
          </Typography>
          <EffectiveConfig effective={settings.effective} />
        </Flex>
      </Flex>
    </PluginPage>
  );
};

/** Run-time settings editors may change, and the configuration in force. */
export const SettingsPage = () => {
  const { data, error, isLoading, refetch } = useApi<SettingsView>('/partners/settings');
  if (error) return <Page.Error />;
  if (isLoading || !data) return <Page.Loading />;
  return <Editor key={JSON.stringify(data)} settings={data} onSaved={refetch} />;
};
