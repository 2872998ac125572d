import * as React from 'react';
import { Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { Duplicate, Mail, WarningCircle } from '@strapi/icons';
import { ConfirmDialog, useFetchClient } from '@strapi/strapi/admin';
import type { PartnerDetail } from '../../../../plugin/contracts/admin';
import type {
  InvitationLinkResponse,
  InviteResponse,
  RevokeAccessResponse,
} from '../../../../plugin/contracts/partners';
import { dateTime } from '../../components/format';
import { SimpleTable, Text } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { errorMessage, useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { InvitationNotice, type InvitationOutcome } from './InvitationNotice';
import type { InvitationAdminView } from './lifecycle';

/**
 * Portal invitations sent to the partner; invite again (older ones are revoked), copy an open
 * invitation's link, or cut access. An invitation's outcome stays on screen as the server
 * answered it ("not sent: reason"), with its link.
 */
export const PortalAccess = ({ partner }: { partner: PartnerDetail }) => {
  const t = useT();
  const can = usePermissions();
  const api = useAction();
  const { get } = useFetchClient();
  const [confirmRevoke, setConfirmRevoke] = React.useState(false);
  const [shown, setShown] = React.useState<{ title: string; outcome: InvitationOutcome } | null>(
    null
  );
  const base = `/partners/partners/${partner.documentId}`;
  const { data, refetch } = useApi<InvitationAdminView[]>(
    can.managePartners ? `${base}/invitations` : null
  );
  const invitations = data ?? [];
  const invite = async () => {
    const sent = await api.post<InviteResponse['data']>(`${base}/invite`, {});
    if (sent === undefined) return;
    setShown({ title: t('partner.access.issued'), outcome: sent });
    refetch();
  };
  const showLink = async (invitation: InvitationAdminView) => {
    try {
      const { data: body } = await get<InvitationLinkResponse>(
        `${base}/invitations/${invitation.documentId}/link`
      );
      setShown({ title: t('partner.access.openLink'), outcome: body.data });
    } catch (error) {
      api.warn(errorMessage(error));
      refetch();
    }
  };
  const revoke = async () => {
    const done = await api.post<RevokeAccessResponse['data']>(`${base}/revoke-access`, {});
    if (done === undefined) return;
    api.notify(t('partner.access.revoked', done));
    setShown(null);
    refetch();
  };
  if (!can.managePartners)
    return <Typography textColor="neutral600">{t('partner.access.forbidden')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-section="portal-access">
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
        <Typography textColor="neutral600">{t('partner.access.description')}</Typography>
        <Flex gap={2}>
          <Button
            variant="secondary"
            startIcon={<Mail />}
            disabled={partner.status !== 'approved'}
            onClick={invite}
          >
            {invitations.length > 0 ? t('partner.access.resend') : t('partner.access.invite')}
          </Button>
          <Button variant="danger-light" onClick={() => setConfirmRevoke(true)}>
            {t('partner.access.revoke')}
          </Button>
        </Flex>
      </Flex>
      {shown ? (
        <InvitationNotice
          outcome={shown.outcome}
          title={shown.title}
          onClose={() => setShown(null)}
        />
      ) : null}
      <SimpleTable
        rows={invitations}
        rowKey={(row) => row.documentId}
        empty={t('partner.access.none')}
        columns={[
          { id: 'email', label: t('table.email'), render: (row) => <Text>{row.email}</Text> },
          {
            id: 'state',
            label: t('table.status'),
            render: (row) => <StatusBadge status={`invitation-${row.state}`} />,
          },
          {
            id: 'sent',
            label: t('partner.access.sent'),
            render: (row) => <Text>{dateTime(row.createdAt)}</Text>,
          },
          {
            id: 'expires',
            label: t('partner.access.expires'),
            render: (row) => <Text>{dateTime(row.expiresAt)}</Text>,
          },
          {
            id: 'used',
            label: t('partner.access.used'),
            render: (row) => <Text>{dateTime(row.usedAt)}</Text>,
          },
          {
            id: 'link',
            label: t('partner.access.link'),
            render: (row) =>
              row.state === 'valid' && row.linkAvailable ? (
                <Button
                  size="S"
                  variant="tertiary"
                  startIcon={<Duplicate />}
                  onClick={() => showLink(row)}
                >
                  {t('invitation.link.copy')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Dialog.Root open={confirmRevoke} onOpenChange={setConfirmRevoke}>
        <ConfirmDialog
          icon={<WarningCircle fill="danger600" />}
          variant="danger"
          title={t('partner.access.revoke')}
          onConfirm={revoke}
        >
          {t('partner.access.revoke.confirm', { name: partner.name })}
        </ConfirmDialog>
      </Dialog.Root>
    </Flex>
  );
};
