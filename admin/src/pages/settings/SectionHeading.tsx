import { Flex, Typography } from '@strapi/design-system';

/** A settings section's title and what it is about; `children` go below (a result line). */
export const SectionHeading = ({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children?: React.ReactNode;
}) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Typography variant="pi" textColor="neutral600">
      {description}
    </Typography>
    {children}
  </Flex>
);
