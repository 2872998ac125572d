import * as React from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, Check, Cross } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { BulkCommissionsResponse } from '../../../../plugin/contracts/admin';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';

type Decision = 'approve' | 'release' | 'reject';

/** The decisions confirmed with a plain dialog; reject asks for a reason. */
const CONFIRMED = [
  { decision: 'approve', variant: 'success-light' },
  { decision: 'release', variant: 'default' },
] as const;

/**
 * "3 entries selected: Approve · Release · Reject"; approve takes pending entries, release held
 * ones, reject both; the rest are skipped and the message says how many.
 */
export const BulkActions = ({ ids, onDone }: { ids: string[]; onDone: () => void }) => {
  const t = useT();
  const api = useAction();
  const [dialog, setDialog] = React.useState<Decision | null>(null);
  const decide = async (decision: Decision, body: { ids: string[]; reason?: string }) => {
    const result = await api.post<BulkCommissionsResponse['data']>(
      `/partners/commissions/${decision}`,
      body
    );
    if (!result) return;
    api.notify(t('commissions.bulk.done', { updated: result.updated, skipped: result.skipped }));
    onDone();
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
          variant="secondary"
          startIcon={<ArrowClockwise />}
          onClick={() => setDialog('release')}
        >
          {t('actions.release')}
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
      {CONFIRMED.map(({ decision, variant }) => (
        <Dialog.Root
          key={decision}
          open={dialog === decision}
          onOpenChange={(open) => setDialog(open ? decision : null)}
        >
          <ConfirmDialog
            variant={variant}
            title={t(`commissions.${decision}.title`)}
            onConfirm={() => decide(decision, { ids })}
          >
            {t(`commissions.${decision}.confirm`, { count: ids.length })}
          </ConfirmDialog>
        </Dialog.Root>
      ))}
      <ReasonDialog
        open={dialog === 'reject'}
        onClose={() => setDialog(null)}
        title={t('commissions.reject.title')}
        description={t('commissions.reject.description', { count: ids.length })}
        label={t('commissions.reject.reason')}
        confirmLabel={t('actions.reject')}
        onConfirm={(reason) => decide('reject', { ids, reason })}
      />
    </Box>
  );
};
