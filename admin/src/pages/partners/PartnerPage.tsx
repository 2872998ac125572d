import * as React from 'react';
import { Box, Button, Flex, Tabs, Typography } from '@strapi/design-system';
import { BackButton, Page } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import type { PartnerDetail } from '../../../../plugin/contracts/admin';
import { AgreementFiles } from '../../components/AgreementFiles';
import { day, money } from '../../components/format';
import { pagePath } from '../../components/PartnersNav';
import { PluginPage } from '../../components/PluginPage';
import { SimpleTable, Text } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { CommissionsPanel } from '../commissions/CommissionsPanel';
import { ReferralsTable } from '../referrals/ReferralsTable';
import { type Decision, PartnerDecisionDialog } from './DecisionDialogs';
import { PartnerLinks } from './PartnerLinks';
import { PartnerProfile } from './PartnerProfile';
import { PartnerPrograms } from './PartnerPrograms';
import { PartnerStatements } from './PartnerStatements';
import { PartnerSummary } from './PartnerSummary';
import { PortalAccess } from './PortalAccess';

const TABS = [
  'profile',
  'programs',
  'links',
  'referrals',
  'commissions',
  'payouts',
  'access',
] as const;

/** One partner: numbers, profile, programs and links, referrals, earnings, payouts, portal access. */
export const PartnerPage = () => {
  const t = useT();
  const can = usePermissions();
  const { id = '' } = useParams<{ id: string }>();
  const [tab, setTab] = React.useState<string>('profile');
  const [decision, setDecision] = React.useState<Decision>(null);
  const {
    data: partner,
    error,
    isLoading,
    refetch,
  } = useApi<PartnerDetail>(`/partners/partners/${id}`);
  if (error) return <Page.Error />;
  if (isLoading && !partner) return <Page.Loading />;
  if (!partner) return null;

  const decide = (kind: 'approve' | 'reject') =>
    setDecision({ kind, documentId: partner.documentId, name: partner.name });
  return (
    <PluginPage
      title={partner.name}
      subtitle={
        <Flex gap={2}>
          <StatusBadge status={partner.status} />
          <Typography variant="epsilon" textColor="neutral600">
            {[partner.email, partner.tier ? t('partner.tierLabel', { tier: partner.tier }) : null]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </Flex>
      }
      navigationAction={<BackButton fallback={pagePath('partners')} />}
      primaryAction={
        can.managePartners && partner.status === 'applied' ? (
          <Flex gap={2}>
            <Button variant="danger-light" onClick={() => decide('reject')}>
              {t('actions.reject')}
            </Button>
            <Button onClick={() => decide('approve')}>{t('actions.approve')}</Button>
          </Flex>
        ) : undefined
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <PartnerSummary partner={partner} />
        <Tabs.Root variant="simple" value={tab} onValueChange={setTab}>
          <Tabs.List aria-label={partner.name}>
            {TABS.map((value) => (
              <Tabs.Trigger key={value} value={value}>
                {t(`partner.tab.${value}`)}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <Box paddingTop={4}>
            <Tabs.Content value="profile">
              <Flex direction="column" alignItems="stretch" gap={6}>
                <PartnerProfile key={JSON.stringify(partner)} partner={partner} onSaved={refetch} />
                <AgreementFiles
                  path={`/partners/partners/${partner.documentId}/agreements`}
                  canEdit={can.managePartners}
                  hint={t('agreements.partner.hint')}
                />
              </Flex>
            </Tabs.Content>
            <Tabs.Content value="programs">
              <PartnerPrograms partner={partner} onSaved={refetch} />
            </Tabs.Content>
            <Tabs.Content value="links">
              <PartnerLinks partner={partner} />
            </Tabs.Content>
            <Tabs.Content value="referrals">
              <ReferralsTable query={{ partner: partner.documentId }} showPartner={false} />
            </Tabs.Content>
            <Tabs.Content value="commissions">
              <CommissionsPanel query={{ partner: partner.documentId }} showPartner={false} />
            </Tabs.Content>
            <Tabs.Content value="payouts">
              <Flex direction="column" alignItems="stretch" gap={4}>
                <SimpleTable
                  rows={partner.payouts}
                  rowKey={(row) => row.documentId}
                  empty={t('payouts.empty')}
                  columns={[
                    {
                      id: 'amount',
                      label: t('table.amount'),
                      render: (row) => <Text>{money(row.amount, row.currency)}</Text>,
                    },
                    {
                      id: 'period',
                      label: t('payouts.period'),
                      render: (row) => (
                        <Text>{`${day(row.periodStart)} – ${day(row.periodEnd)}`}</Text>
                      ),
                    },
                    {
                      id: 'status',
                      label: t('table.status'),
                      render: (row) => <StatusBadge status={row.status} />,
                    },
                    {
                      id: 'paid',
                      label: t('table.paidAt'),
                      render: (row) => <Text>{day(row.paidAt)}</Text>,
                    },
                  ]}
                />
                {can.managePayouts ? <PartnerStatements partner={partner} /> : null}
              </Flex>
            </Tabs.Content>
            <Tabs.Content value="access">
              <PortalAccess partner={partner} />
            </Tabs.Content>
          </Box>
        </Tabs.Root>
      </Flex>
      <PartnerDecisionDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={refetch}
      />
    </PluginPage>
  );
};
