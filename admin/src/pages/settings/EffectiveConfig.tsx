import { Badge, Box, Flex, Grid, Typography } from '@strapi/design-system';
import type { KeySource, SettingsView } from '../../../../plugin/contracts/admin';
import { useT } from '../../hooks/useT';

type Value = string | number | boolean | null | KeySource;

const KEY_BADGE = { set: 'success', fallback: 'secondary', 'not set': 'warning' } as const;

/** A key's source: "Set (PARTNERS_ENCRYPTION_KEY)", "Derived from APP_KEYS (fallback)". */
const KeyShown = ({ value }: { value: KeySource }) => {
  const t = useT();
  const label =
    value.state === 'set'
      ? t('settings.key.set', { source: value.source })
      : value.state === 'fallback'
        ? t('settings.key.fallback', { source: value.source })
        : t('settings.secret.unset');
  return (
    <Badge variant={KEY_BADGE[value.state]} data-key-state={value.state}>
      {label}
    </Badge>
  );
};

const Shown = ({ value }: { value: Value }) => {
  const t = useT();
  if (value !== null && typeof value === 'object') return <KeyShown value={value} />;
  if (value === 'set' || value === 'not set')
    return (
      <Badge variant={value === 'set' ? 'success' : 'neutral'}>
        {t(`settings.secret.${value === 'set' ? 'set' : 'unset'}`)}
      </Badge>
    );
  if (typeof value === 'boolean')
    return (
      <Badge variant={value ? 'success' : 'neutral'}>{t(value ? 'toggle.on' : 'toggle.off')}</Badge>
    );
  return <Typography>{value === null || value === '' ? '—' : String(value)}</Typography>;
};

/**
 * The configuration in force (config/plugins.ts, defaults, then the stored overrides). Secrets
 * only say whether they are set, keys where they come from: the server never sends them.
 */
export const EffectiveConfig = ({ effective }: { effective: SettingsView['effective'] }) => {
  const t = useT();
  const groups = Object.entries(effective) as Array<[string, Record<string, Value>]>;
  return (
    <Grid.Root gap={4}>
      {groups.map(([group, values]) => (
        <Grid.Item key={group} col={6} s={12} direction="column" alignItems="stretch">
          <Box
            background="neutral0"
            hasRadius
            shadow="tableShadow"
            padding={6}
            height="100%"
            data-config={group}
          >
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography variant="delta" tag="h2">
                {t(`settings.group.${group}`)}
              </Typography>
              {Object.entries(values).map(([key, value]) => (
                <Flex key={key} justifyContent="space-between" gap={4}>
                  <Typography variant="omega" textColor="neutral600">
                    {t(`settings.${group}.${key}`)}
                  </Typography>
                  <Shown value={value} />
                </Flex>
              ))}
            </Flex>
          </Box>
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
