import * as React from 'react';
import { Button, Field, Flex, Modal, Textarea, TextInput } from '@strapi/design-system';
import type { DealView } from '../../../../plugin/contracts/admin';
import { isCurrency, parseMinorUnits, toDecimalString } from '../../../../plugin/currency';
import { money } from '../../components/format';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';

/**
 * Marks an approved deal won: the customer's orders credit the partner from now on. The editor may
 * correct the value (in the deal's currency); the toast repeats the value the server stored.
 */
export const WinDealDialog = ({
  deal,
  onClose,
  onDone,
}: {
  deal: DealView | null;
  onClose: () => void;
  onDone: () => void;
}) => {
  const t = useT();
  const api = useAction();
  const [value, setValue] = React.useState('');
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  // Without a known currency the value cannot be typed; the server keeps the stored one.
  const currency = deal?.currency && isCurrency(deal.currency) ? deal.currency : null;
  React.useEffect(() => {
    setValue(
      deal && currency && deal.estimatedValue !== null
        ? toDecimalString(deal.estimatedValue, currency)
        : ''
    );
    setNote('');
  }, [deal, currency]);
  const minor = currency && value.trim() !== '' ? parseMinorUnits(value, currency) : null;
  const invalid = value.trim() !== '' && (minor === null || minor < 0);

  const confirm = async () => {
    if (!deal) return;
    setBusy(true);
    try {
      const body = {
        ...(minor !== null && minor !== deal.estimatedValue ? { value: minor } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      const won = await api.post<DealView>(`/partners/deals/${deal.documentId}/win`, body);
      if (won) {
        api.notify(
          won.estimatedValue !== null && won.currency
            ? t('deals.won.value', {
                company: won.company ?? '',
                value: money(won.estimatedValue, won.currency),
              })
            : t('deals.won', { company: won.company ?? '' })
        );
        onClose();
        onDone();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open={deal !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('deals.win.title', { company: deal?.company ?? '' })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {currency ? (
              <Field.Root
                name="value"
                hint={t('deals.win.valueHint', { currency })}
                error={invalid ? t('deals.win.valueInvalid') : undefined}
              >
                <Field.Label>{t('deals.win.value', { currency })}</Field.Label>
                <TextInput
                  value={value}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setValue(event.target.value)
                  }
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            ) : null}
            <Field.Root name="note">
              <Field.Label>{t('deals.note')}</Field.Label>
              <Textarea value={note} onChange={(event) => setNote(event.target.value)} />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('actions.cancel')}</Button>
          </Modal.Close>
          <Button variant="success" disabled={invalid} loading={busy} onClick={confirm}>
            {t('deals.markWon')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
