import * as React from 'react';
import { Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { Mail, WarningCircle } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { PartnerDetail } from '../../../../plugin/contracts/admin';
import { dateTime } from '../../components/format';
import { SimpleTable, Text } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import type { InvitationAdminView } from './lifecycle';

/** Portal invitations sent to the partner; invite again (older ones are revoked) or cut access. */
export const PortalAccess = ({ partner }: { partner: PartnerDetail }) => {
  const t = useT();
  const can = usePermissions();
  const api = useAction();
  const [confirmRevoke, setConfirmRevoke] = React.useState(false);
  const { data, refetch } = useApi<InvitationAdminView[]>(
    can.managePartners ? `/partners/partners/${partner.documentId}/invitations` : null
  );
  const invitations = data ?? [];
  const invite = async () => {
    const sent = await api.post(
      `/partners/partners/${partner.documentId}/invite`,
      {},
      t('partner.access.invited', { email: partner.email })
    );
    if (sent !== undefined) refetch();
  };
  const revoke = async () => {
    const done = await api.post(
      `/partners/partners/${partner.documentId}/revoke-access`,
      {},
      t('partner.access.revoked')
    );
    if (done !== undefined) refetch();
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
