import { Box, Flex, Typography } from '@strapi/design-system';
import type { DealPipelineRow } from '../../../../plugin/contracts/admin';
import { DEAL_STATUSES } from '../../../../plugin/model';
import { day, money } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../hooks/useT';

/**
 * The pipeline above the deal list (`GET /deals/pipeline`, same program and partner filters): per
 * state, how many deals, their value per currency (never added across currencies) and the soonest
 * expected close.
 */
export const DealPipeline = ({ rows }: { rows: DealPipelineRow[] }) => {
  const t = useT();
  const states = DEAL_STATUSES.filter((state) => rows.some((row) => row.status === state));
  if (states.length === 0) return null;
  return (
    <Flex gap={3} wrap="wrap" alignItems="stretch" paddingBottom={4} data-pipeline>
      {states.map((state) => {
        const mine = rows.filter((row) => row.status === state);
        const count = mine.reduce((sum, row) => sum + row.deals, 0);
        const values = mine
          .filter((row) => row.currency !== null && row.value > 0)
          .map((row) => money(row.value, row.currency as string));
        // Only open deals still have a close ahead of them.
        const open = state === 'submitted' || state === 'approved';
        const soonest = mine
          .map((row) => row.nextExpectedCloseAt)
          .filter((at): at is string => at !== null)
          .sort()[0];
        return (
          <Box
            key={state}
            background="neutral0"
            hasRadius
            shadow="tableShadow"
            padding={4}
            minWidth="12rem"
            data-pipeline-state={state}
          >
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Flex gap={2}>
                <StatusBadge status={state} />
                <Typography variant="omega" textColor="neutral600">
                  {t('deals.pipeline.count', { count })}
                </Typography>
              </Flex>
              <Typography variant="delta" tag="p" data-pipeline-value>
                {values.length > 0 ? values.join(' · ') : t('deals.pipeline.noValue')}
              </Typography>
              {open ? (
                <Typography variant="pi" textColor="neutral600" data-pipeline-close>
                  {soonest ? t('deals.pipeline.nextClose', { date: day(soonest) }) : '—'}
                </Typography>
              ) : null}
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};
