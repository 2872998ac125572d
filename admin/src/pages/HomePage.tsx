import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { CONTENT_TYPES, uid } from '../../../plugin/model';
import { PLUGIN_ID } from '../pluginId';

const t = (id: string) => `${PLUGIN_ID}.${id}`;

/** Clicks and invitations are hidden from the Content Manager (volume, and token hashes). */
const BROWSABLE = CONTENT_TYPES.filter((name) => name !== 'click' && name !== 'invitation');

/** The landing page: what the plugin stores, with a way into each collection. */
export const HomePage = () => {
  const { formatMessage } = useIntl();
  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: t('plugin.name'), defaultMessage: 'Partners' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: t('plugin.name'), defaultMessage: 'Partners' })}
        subtitle={formatMessage({
          id: t('home.subtitle'),
          defaultMessage: 'Partner, affiliate and referral programs, commissions and payouts.',
        })}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <Typography variant="delta" tag="h2">
            {formatMessage({ id: t('home.collections'), defaultMessage: 'Collections' })}
          </Typography>
          <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={4}>
            {BROWSABLE.map((name) => (
              <Link key={name} href={`/admin/content-manager/collection-types/${uid(name)}`}>
                {formatMessage({ id: t(`collections.${name}`), defaultMessage: name })}
              </Link>
            ))}
          </Flex>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
