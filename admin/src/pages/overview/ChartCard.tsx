import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

/** A white card with a title, like the widgets of Strapi's home page. */
export const ChartCard = ({
  title,
  children,
  id,
}: {
  title: string;
  children: React.ReactNode;
  id: string;
}) => (
  <Box
    background="neutral0"
    hasRadius
    shadow="tableShadow"
    padding={6}
    height="100%"
    data-chart={id}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);
