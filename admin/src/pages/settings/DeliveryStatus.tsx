import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type { SettingsView } from '../../../../plugin/contracts/admin';
import { dateTime } from '../../components/format';
import { useT } from '../../hooks/useT';
import { SectionHeading } from './SectionHeading';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
    <Typography variant="omega" textColor="neutral600">
      {label}
    </Typography>
    <Flex direction="column" alignItems="flex-end" gap={1}>
      {children}
    </Flex>
  </Flex>
);

const Note = ({ children }: { children: React.ReactNode }) => (
  <Typography variant="pi" textColor="neutral600" textAlign="right">
    {children}
  </Typography>
);

/**
 * What partner invitations depend on, as this server sees it: the e-mail provider and its last
 * result, and `server.url`. Invitation links can be copied from a partner's Portal access tab
 * whatever these say.
 */
export const DeliveryStatus = ({ status }: { status: SettingsView['status'] }) => {
  const t = useT();
  const { provider, configured, lastDelivery } = status.email;
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-section="delivery">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <SectionHeading
          title={t('settings.delivery')}
          description={t('settings.delivery.description')}
        />
        <Row label={t('settings.delivery.provider')}>
          <Flex gap={2}>
            <Typography>{provider ?? '—'}</Typography>
            <Badge variant={configured ? 'success' : 'warning'} data-provider-state>
              {t(configured ? 'settings.delivery.configured' : 'settings.delivery.notConfigured')}
            </Badge>
          </Flex>
          {configured ? null : (
            <Note>
              {t(provider ? 'settings.delivery.sendmail' : 'settings.delivery.noEmailPlugin')}
            </Note>
          )}
        </Row>
        <Row label={t('settings.delivery.last')}>
          {lastDelivery ? (
            <>
              <Flex gap={2}>
                <Typography>{dateTime(lastDelivery.at)}</Typography>
                <Badge variant={lastDelivery.mailed ? 'success' : 'danger'} data-last-delivery>
                  {t(lastDelivery.mailed ? 'settings.delivery.sent' : 'settings.delivery.failed')}
                </Badge>
              </Flex>
              {lastDelivery.mailError ? <Note>{lastDelivery.mailError}</Note> : null}
            </>
          ) : (
            <Typography>{t('settings.delivery.none')}</Typography>
          )}
          <Note>{t('settings.delivery.perNode')}</Note>
        </Row>
        <Row label={t('settings.delivery.serverUrl')}>
          {status.serverUrl ? (
            <Typography>{status.serverUrl}</Typography>
          ) : (
            <Badge variant="warning" data-server-url-state>
              {t('settings.secret.unset')}
            </Badge>
          )}
          <Note>
            {status.serverUrl
              ? t('settings.delivery.serverUrl.set')
              : t('settings.delivery.serverUrl.unset', { origin: window.location.origin })}
          </Note>
        </Row>
      </Flex>
    </Box>
  );
};
