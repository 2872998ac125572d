import * as React from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { Check, Cross } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { BulkCommissionsResponse } from '../../../../plugin/contracts/admin';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';

/** "3 entries selected: Approve · Reject"; only pending entries change, the rest are skipped. */
export const BulkActions = ({ ids, onDone }: { ids: string[]; onDone: () => void }) => {
  const t = useT();
  const api = useAction();
  const [dialog, setDialog] = React.useState<'approve' | 'reject' | null>(null);
  const report = (result: BulkCommissionsResponse['data'] | undefined) => {
    if (result) onDone();
  };
  if (ids.length === 0) return null;
  return (
    <Box paddingBottom={4}>
      <Flex gap={3} data-bulk-actions>
        <Typography variant="epsilon" textColor="neutral600">
          {t('commissions.selected', { count: ids.length })}
        </Typography>
        <Button
          size="S"
          variant="success-light"
          startIcon={<Check />}
          onClick={() => setDialog('approve')}
        >
          {t('actions.approve')}
        </Button>
        <Button
          size="S"
          variant="danger-light"
          startIcon={<Cross />}
          onClick={() => setDialog('reject')}
        >
          {t('actions.reject')}
        </Button>
      </Flex>
      <Dialog.Root
        open={dialog === 'approve'}
        onOpenChange={(open) => setDialog(open ? 'approve' : null)}
      >
        <ConfirmDialog
          variant="success-light"
          title={t('commissions.approve.title')}
          onConfirm={async () => {
            const result = await api.post<BulkCommissionsResponse['data']>(
              '/partners/commissions/approve',
              { ids }
            );
            if (result)
              api.notify(
                t('commissions.bulk.done', { updated: result.updated, skipped: result.skipped })
              );
            report(result);
          }}
        >
          {t('commissions.approve.confirm', { count: ids.length })}
        </ConfirmDialog>
      </Dialog.Root>
      <ReasonDialog
        open={dialog === 'reject'}
        onClose={() => setDialog(null)}
        title={t('commissions.reject.title')}
        description={t('commissions.reject.description', { count: ids.length })}
        label={t('commissions.reject.reason')}
        confirmLabel={t('actions.reject')}
        onConfirm={async (reason) => {
          const result = await api.post<BulkCommissionsResponse['data']>(
            '/partners/commissions/reject',
            {
              ids,
              reason,
            }
          );
          if (result)
            api.notify(
              t('commissions.bulk.done', { updated: result.updated, skipped: result.skipped })
            );
          report(result);
        }}
      />
    </Box>
  );
};
