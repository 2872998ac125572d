import * as React from 'react';
import { Button, Dialog, Field, Textarea } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useT } from '../hooks/useT';

interface ReasonDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** What happens, in a sentence, above the field. */
  description: string;
  label: string;
  confirmLabel: string;
  /** Optional reasons may be left empty. */
  required?: boolean;
  variant?: 'danger' | 'success-light' | 'default';
  onConfirm: (reason: string) => Promise<void> | void;
}

/** A confirmation that asks why (rejections, failed payouts); the reason reaches the partner. */
export const ReasonDialog = ({
  open,
  onClose,
  title,
  description,
  label,
  confirmLabel,
  required = true,
  variant = 'danger',
  onConfirm,
}: ReasonDialogProps) => {
  const t = useT();
  const [reason, setReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  React.useEffect(() => {
    if (open) setReason('');
  }, [open]);
  const missing = required && reason.trim() === '';

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body
          icon={<WarningCircle fill={variant === 'danger' ? 'danger600' : 'primary600'} />}
        >
          <Dialog.Description>{description}</Dialog.Description>
          <Field.Root name="reason" required={required} width="100%">
            <Field.Label>{label}</Field.Label>
            <Textarea value={reason} onChange={(event) => setReason(event.target.value)} />
          </Field.Root>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('actions.cancel')}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth variant={variant} disabled={missing} loading={busy} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
