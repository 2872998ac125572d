import * as React from 'react';
import {
  Button,
  Field,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import type { RunPayoutsResponse } from '../../../../plugin/contracts/payouts';
import { previousPayoutPeriod } from '../../../../plugin/payouts/previous-payout-period';
import { moneyList } from '../../components/format';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';
import { recentPeriods } from './period';

/** Runs the monthly payout for a period: a payout per partner and currency at the minimum. */
export const RunPayoutsDialog = ({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (period: string) => void;
}) => {
  const t = useT();
  const api = useAction();
  const [period, setPeriod] = React.useState(() => previousPayoutPeriod(new Date()));
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<RunPayoutsResponse['data'] | null>(null);
  React.useEffect(() => {
    if (open) setResult(null);
  }, [open]);

  const run = async () => {
    setBusy(true);
    const done = await api.post<RunPayoutsResponse['data']>('/partners/payouts/run', { period });
    setBusy(false);
    if (done) {
      setResult(done);
      onDone(period);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('payouts.run.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {result ? (
            <Typography data-run-result>
              {t('payouts.run.result', {
                created: result.created,
                amounts: moneyList(
                  Object.entries(result.amounts).map(([currency, amount]) => ({
                    currency,
                    amount,
                  }))
                ),
                carriedOver: result.carriedOver,
              })}
            </Typography>
          ) : (
            <Field.Root name="period" hint={t('payouts.run.hint')}>
              <Field.Label>{t('payouts.period')}</Field.Label>
              <SingleSelect value={period} onChange={(next) => setPeriod(String(next))}>
                {recentPeriods().map((value) => (
                  <SingleSelectOption key={value} value={value}>
                    {value}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
            </Field.Root>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{result ? t('actions.close') : t('actions.cancel')}</Button>
          </Modal.Close>
          {result ? null : (
            <Button onClick={run} loading={busy}>
              {t('payouts.run')}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
