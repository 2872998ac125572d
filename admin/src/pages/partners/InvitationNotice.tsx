import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  Modal,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { CheckCircle, Cross, Duplicate, WarningCircle } from '@strapi/icons';
import type { Delivery } from '../../../../plugin/contracts/notifications';
import { dateTime } from '../../components/format';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';

/** An invitation as the server answered it: what the e-mail did, and the link to hand over. */
export interface InvitationOutcome extends Partial<Delivery> {
  email: string;
  link: string;
  expiresAt: string;
}

/**
 * Copies `text`; the Clipboard API exists only on secure pages (https, localhost), so an admin
 * on plain http falls back to a selection and the old copy command.
 */
const copyText = async (text: string, field: HTMLInputElement | null) => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return field ? document.execCommand('copy') : false;
  }
};

/** A single-use invitation link in a read-only field, with a copy button. */
export const InvitationLinkField = ({ link }: { link: string }) => {
  const t = useT();
  const api = useAction();
  const field = React.useRef<HTMLInputElement>(null);
  const copy = async () => {
    const copied = await copyText(link, field.current);
    api.notify(t(copied ? 'invitation.link.copied' : 'invitation.link.copyFailed'));
  };
  return (
    <Flex gap={2} alignItems="flex-end">
      <Box flex="1">
        <Field.Root name="invitationLink">
          <Field.Label>{t('invitation.link.label')}</Field.Label>
          <TextInput
            ref={field}
            value={link}
            readOnly
            onFocus={(event: React.FocusEvent<HTMLInputElement>) => event.target.select()}
          />
        </Field.Root>
      </Box>
      <Button size="L" variant="secondary" startIcon={<Duplicate />} onClick={copy}>
        {t('invitation.link.copy')}
      </Button>
    </Flex>
  );
};

/**
 * What happened to an invitation, in the server's words: e-mailed, or "e-mail not sent: reason"
 * (never "sent" when `mailed` is false), with the link to copy either way. Without `mailed`
 * (the link asked for again) it only shows the link.
 */
export const InvitationNotice = ({
  outcome,
  title,
  onClose,
}: {
  outcome: InvitationOutcome;
  /** What was done first ("Approved", "Partner added"). */
  title: string;
  onClose?: () => void;
}) => {
  const t = useT();
  const expires = t('invitation.notice.expires', { date: dateTime(outcome.expiresAt) });
  const message =
    outcome.mailed === undefined
      ? t('invitation.notice.link', { email: outcome.email })
      : outcome.mailed
        ? t('invitation.notice.mailed', { email: outcome.email })
        : t('invitation.notice.notMailed', {
            reason: outcome.mailError ?? t('invitation.notice.unknownReason'),
            email: outcome.email,
          });
  const warning = outcome.mailed === false;
  return (
    <Box
      background={warning ? 'warning100' : 'success100'}
      borderColor={warning ? 'warning200' : 'success200'}
      hasRadius
      padding={5}
      data-invitation-notice={
        outcome.mailed === undefined ? 'link' : outcome.mailed ? 'mailed' : 'not-mailed'
      }
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={3}>
          <Flex gap={2} alignItems="flex-start">
            {warning ? (
              <WarningCircle fill="warning600" width="2rem" height="2rem" />
            ) : (
              <CheckCircle fill="success600" width="2rem" height="2rem" />
            )}
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography fontWeight="bold">{title}</Typography>
              <Typography>{`${message} ${expires}`}</Typography>
            </Flex>
          </Flex>
          {onClose ? (
            <IconButton label={t('actions.close')} variant="ghost" onClick={onClose}>
              <Cross />
            </IconButton>
          ) : null}
        </Flex>
        <InvitationLinkField link={outcome.link} />
      </Flex>
    </Box>
  );
};

/** The notice in a dialog of its own, for actions taken from a list or another dialog. */
export const InvitationDialog = ({
  outcome,
  title,
  onClose,
}: {
  outcome: InvitationOutcome | null;
  title: string;
  onClose: () => void;
}) => {
  const t = useT();
  return (
    <Modal.Root open={outcome !== null} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {outcome ? <InvitationNotice outcome={outcome} title={title} /> : null}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('actions.close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
