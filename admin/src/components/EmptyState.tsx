import * as React from 'react';
import { Box, EmptyStateLayout } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';

/** The illustrated "nothing here yet" box Strapi shows in empty list views. */
export const EmptyState = ({ text, action }: { text: string; action?: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow">
    <EmptyStateLayout
      icon={<EmptyDocuments width="16rem" />}
      content={text}
      action={action}
      shadow="none"
    />
  </Box>
);
