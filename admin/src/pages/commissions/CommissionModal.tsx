import { Button, Flex, Grid, Modal, Typography } from '@strapi/design-system';
import type { CommissionView } from '../../../../plugin/contracts/admin';
import { dateTime, money } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../hooks/useT';
import { Signals } from './Signals';

const Detail = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Grid.Item col={6} s={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography>{children}</Typography>
  </Grid.Item>
);

/** One ledger entry and why it has its amount (the explanation stored with it). */
export const CommissionModal = ({
  entry,
  onClose,
}: {
  entry: CommissionView | null;
  onClose: () => void;
}) => {
  const t = useT();
  return (
    <Modal.Root open={entry !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {entry ? (
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>
              {t('commissions.modal.title', { amount: money(entry.amount, entry.currency) })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={6}>
              <Flex direction="column" alignItems="stretch" gap={2} data-explanation>
                <Typography variant="delta" tag="h3">
                  {t('commissions.modal.why')}
                </Typography>
                <Typography>{entry.explanation ?? t('commissions.modal.noExplanation')}</Typography>
                {entry.signals?.length ? (
                  <Flex direction="column" alignItems="stretch" gap={1}>
                    <Typography variant="sigma" textColor="neutral600">
                      {t('commissions.signals')}
                    </Typography>
                    <Signals signals={entry.signals} detailed />
                  </Flex>
                ) : null}
                {entry.note ? (
                  <Typography textColor="neutral600">
                    {t('commissions.modal.note', { note: entry.note })}
                  </Typography>
                ) : null}
              </Flex>
              <Grid.Root gap={4}>
                <Detail label={t('table.status')}>
                  <StatusBadge status={entry.status} />
                </Detail>
                <Detail label={t('table.kind')}>
                  {`${t(`commissions.kind.${entry.kind}`)} · ${t(`commissions.level.${entry.level}`)}`}
                </Detail>
                <Detail label={t('table.partner')}>{entry.partner?.name ?? '—'}</Detail>
                <Detail label={t('table.program')}>{entry.program?.name ?? '—'}</Detail>
                <Detail label={t('table.order')}>{entry.order?.externalId ?? '—'}</Detail>
                <Detail label={t('commissions.basis')}>
                  {money(entry.basisAmount, entry.currency)}
                </Detail>
                <Detail label={t('table.created')}>{dateTime(entry.createdAt)}</Detail>
                <Detail label={t('commissions.availableAt')}>{dateTime(entry.availableAt)}</Detail>
                <Detail label={t('commissions.approvedAt')}>{dateTime(entry.approvedAt)}</Detail>
                <Detail label={t('table.paidAt')}>{dateTime(entry.paidAt)}</Detail>
              </Grid.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('actions.close')}</Button>
            </Modal.Close>
          </Modal.Footer>
        </Modal.Content>
      ) : null}
    </Modal.Root>
  );
};
