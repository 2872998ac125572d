import * as React from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';

interface PluginPageProps {
  title: string;
  subtitle?: React.ReactNode;
  primaryAction?: React.ReactNode;
  secondaryAction?: React.ReactNode;
  navigationAction?: React.ReactNode;
  /** The filter bar between the header and the content (Layouts.Action). */
  startActions?: React.ReactNode;
  endActions?: React.ReactNode;
  children: React.ReactNode;
}

/** A page as Strapi's own lay it out: title, header with its actions, a filter bar, content. */
export const PluginPage = ({
  title,
  subtitle,
  primaryAction,
  secondaryAction,
  navigationAction,
  startActions,
  endActions,
  children,
}: PluginPageProps) => (
  <Page.Main>
    <Page.Title>{title}</Page.Title>
    <Layouts.Header
      title={title}
      subtitle={subtitle}
      primaryAction={primaryAction}
      secondaryAction={secondaryAction}
      navigationAction={navigationAction}
    />
    {startActions || endActions ? (
      <Layouts.Action startActions={startActions} endActions={endActions} />
    ) : null}
    <Layouts.Content>{children}</Layouts.Content>
  </Page.Main>
);
