import { Box, EmptyStateLayout, Flex, Loader } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { errorMessage } from '../hooks/useApi';
import { useT } from '../hooks/useT';

/** A list or section that could not load: Strapi's message, inside the page's content. */
export const ErrorState = ({ error }: { error: unknown }) => {
  const t = useT();
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow">
      <EmptyStateLayout
        icon={<WarningCircle width="6.4rem" height="6.4rem" fill="danger600" />}
        content={`${t('errors.load')} ${errorMessage(error)}`}
        shadow="none"
      />
    </Box>
  );
};

/** A section still loading. */
export const LoadingState = () => {
  const t = useT();
  return (
    <Flex justifyContent="center" padding={11}>
      <Loader>{t('loading')}</Loader>
    </Flex>
  );
};
