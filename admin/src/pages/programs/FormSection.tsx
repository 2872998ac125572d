import * as React from 'react';
import { Box, Flex, Grid, Typography } from '@strapi/design-system';

/** One card of the program editor: a title, a sentence on what it decides, its fields. */
export const FormSection = ({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-section={id}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {description ? (
          <Typography variant="pi" textColor="neutral600">
            {description}
          </Typography>
        ) : null}
      </Flex>
      <Grid.Root gap={5}>{children}</Grid.Root>
    </Flex>
  </Box>
);

/** A cell of a section's grid: half a row by default. */
export const Cell = ({ children, col = 6 }: { children: React.ReactNode; col?: number }) => (
  <Grid.Item col={col} s={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);
