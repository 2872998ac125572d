import * as React from 'react';
import { Button, Field, Flex, Modal, TextInput } from '@strapi/design-system';
import type { PayoutView } from '../../../../plugin/contracts/payouts';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';

/** Send (Stripe, account credit), mark paid with the bank's reference, or mark failed. */
export const PayoutActions = ({ payout, onDone }: { payout: PayoutView; onDone: () => void }) => {
  const t = useT();
  const api = useAction();
  const [dialog, setDialog] = React.useState<'paid' | 'failed' | null>(null);
  const [reference, setReference] = React.useState('');
  const path = `/partners/payouts/${payout.documentId}`;
  if (payout.status !== 'pending' && payout.status !== 'processing') return null;
  const sendable = payout.method?.type === 'stripe' || payout.method?.type === 'credit';

  return (
    <Flex gap={2} onClick={(event: React.MouseEvent) => event.stopPropagation()}>
      {sendable ? (
        <Button
          size="S"
          variant="secondary"
          onClick={async () => {
            if ((await api.post(`${path}/send`, undefined, t('payouts.sent'))) !== undefined)
              onDone();
          }}
        >
          {t('payouts.send')}
        </Button>
      ) : null}
      <Button size="S" variant="success-light" onClick={() => setDialog('paid')}>
        {t('payouts.markPaid')}
      </Button>
      <Button size="S" variant="danger-light" onClick={() => setDialog('failed')}>
        {t('payouts.markFailed')}
      </Button>
      <Modal.Root open={dialog === 'paid'} onOpenChange={(open) => setDialog(open ? 'paid' : null)}>
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>{t('payouts.markPaid')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Field.Root name="reference" required hint={t('payouts.reference.hint')}>
              <Field.Label>{t('payouts.reference')}</Field.Label>
              <TextInput
                value={reference}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setReference(event.target.value)
                }
              />
              <Field.Hint />
            </Field.Root>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('actions.cancel')}</Button>
            </Modal.Close>
            <Button
              disabled={reference.trim() === ''}
              onClick={async () => {
                const done = await api.post(
                  `${path}/paid`,
                  { reference: reference.trim() },
                  t('payouts.paid')
                );
                if (done !== undefined) {
                  setDialog(null);
                  onDone();
                }
              }}
            >
              {t('payouts.markPaid')}
            </Button>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
      <ReasonDialog
        open={dialog === 'failed'}
        onClose={() => setDialog(null)}
        title={t('payouts.markFailed')}
        description={t('payouts.failed.description')}
        label={t('payouts.failed.reason')}
        confirmLabel={t('payouts.markFailed')}
        onConfirm={async (reason) => {
          if ((await api.post(`${path}/failed`, { reason }, t('payouts.failed'))) !== undefined)
            onDone();
        }}
      />
    </Flex>
  );
};
