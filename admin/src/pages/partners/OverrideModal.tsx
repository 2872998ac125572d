import * as React from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import type { EnrollmentView } from '../../../../plugin/contracts/admin';
import type { Rate } from '../../../../plugin/contracts/rules';
import { useT } from '../../hooks/useT';
import { RateField, ToggleField } from '../programs/inputs';

/**
 * A partner's own rate in one program (`commissionOverride`): the most specific rate of all
 * (SPEC §5.3), or none to pay the program's rules.
 */
export const OverrideModal = ({
  enrollment,
  currency,
  onClose,
  onSave,
}: {
  enrollment: EnrollmentView | null;
  currency: string;
  onClose: () => void;
  onSave: (enrollment: EnrollmentView, rate: Rate | null) => Promise<void>;
}) => {
  const t = useT();
  const [own, setOwn] = React.useState(false);
  const [rate, setRate] = React.useState<Rate>({ type: 'percentage', bps: 2000 });
  React.useEffect(() => {
    setOwn(Boolean(enrollment?.commissionOverride));
    setRate(enrollment?.commissionOverride ?? { type: 'percentage', bps: 2000 });
  }, [enrollment]);
  return (
    <Modal.Root open={enrollment !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {enrollment ? (
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>
              {t('partner.override.title', { program: enrollment.program?.name ?? '' })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography textColor="neutral600">{t('partner.override.description')}</Typography>
              <ToggleField
                name="own"
                label={t('partner.override.own')}
                value={own}
                onChange={setOwn}
              />
              {own ? (
                <RateField
                  name="commissionOverride"
                  label={t('partner.override')}
                  currency={currency}
                  value={rate}
                  onChange={setRate}
                />
              ) : null}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('actions.cancel')}</Button>
            </Modal.Close>
            <Button
              onClick={async () => {
                await onSave(enrollment, own ? rate : null);
                onClose();
              }}
            >
              {t('actions.save')}
            </Button>
          </Modal.Footer>
        </Modal.Content>
      ) : null}
    </Modal.Root>
  );
};
