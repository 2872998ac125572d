import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import type { RollupRebuild as Rebuilt } from '../../../../plugin/contracts/admin';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';
import { SectionHeading } from './SectionHeading';

/**
 * The analytics rollups: recompute every closed day from the raw tables (after a data repair or
 * an import that bypassed the plugin). The message repeats what the server answered.
 */
export const RollupRebuild = () => {
  const t = useT();
  const api = useAction();
  const [busy, setBusy] = React.useState(false);
  const [done, setDone] = React.useState<Rebuilt | null>(null);
  const rebuild = async () => {
    setBusy(true);
    const result = await api.post<Rebuilt>('/partners/overview/rebuild', {});
    setBusy(false);
    if (result) {
      setDone(result);
      api.notify(
        t('settings.rollups.done', { rows: result.rows, days: result.days, to: result.to })
      );
    }
  };
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-section="rollups">
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
        <SectionHeading
          title={t('settings.rollups')}
          description={t('settings.rollups.description')}
        >
          {done ? (
            <Typography variant="pi" data-rollups-result>
              {t('settings.rollups.done', { rows: done.rows, days: done.days, to: done.to })}
            </Typography>
          ) : null}
        </SectionHeading>
        <Button variant="secondary" startIcon={<ArrowClockwise />} loading={busy} onClick={rebuild}>
          {t('settings.rollups.rebuild')}
        </Button>
      </Flex>
    </Box>
  );
};
