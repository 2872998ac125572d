import { Flex, Typography } from '@strapi/design-system';
import type { ReferralView } from '../../../../plugin/contracts/admin';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { day } from '../../components/format';
import { ListFooter } from '../../components/ListQuery';
import { SimpleTable, Text } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { type Query, toQueryString, useApi } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';

const name = (referral: ReferralView) =>
  [referral.firstName, referral.lastName].filter(Boolean).join(' ');

/** The contact's name, with its email (or the site's id) under it. */
const Contact = ({ referral }: { referral: ReferralView }) => (
  <Flex direction="column" alignItems="flex-start">
    <Typography fontWeight="bold">
      {name(referral) || referral.email || referral.externalId || '—'}
    </Typography>
    {name(referral) && referral.email ? (
      <Typography variant="pi" textColor="neutral600">
        {referral.email}
      </Typography>
    ) : null}
  </Flex>
);

/** Referred contacts: who they are, through whom, and how far they got. */
export const ReferralsTable = ({
  query,
  showPartner = true,
}: {
  query: Query;
  showPartner?: boolean;
}) => {
  const t = useT();
  const { data, pagination, isLoading, error } = useApi<ReferralView[]>(
    `/partners/referrals${toQueryString(query)}`
  );
  if (error) return <ErrorState error={error} />;
  if (isLoading && !data) return <LoadingState />;
  if (!data || data.length === 0) return <EmptyState text={t('referrals.empty')} />;
  return (
    <>
      <SimpleTable
        rows={data}
        rowKey={(row) => row.documentId}
        empty={t('referrals.empty')}
        columns={[
          { id: 'contact', label: t('table.contact'), render: (row) => <Contact referral={row} /> },
          ...(showPartner
            ? [
                {
                  id: 'partner',
                  label: t('table.partner'),
                  render: (row: ReferralView) => <Text>{row.partner?.name ?? '—'}</Text>,
                },
              ]
            : []),
          {
            id: 'program',
            label: t('table.program'),
            render: (row) => <Text>{row.program?.name ?? '—'}</Text>,
          },
          {
            id: 'source',
            label: t('table.source'),
            render: (row) => <Text>{row.source ? t(`referrals.source.${row.source}`) : '—'}</Text>,
          },
          {
            id: 'status',
            label: t('table.status'),
            render: (row) => <StatusBadge status={row.status} />,
          },
          {
            id: 'created',
            label: t('table.created'),
            render: (row) => <Text>{day(row.createdAt)}</Text>,
          },
          {
            id: 'converted',
            label: t('table.converted'),
            render: (row) => <Text>{day(row.convertedAt)}</Text>,
          },
        ]}
      />
      <ListFooter pagination={pagination} />
    </>
  );
};
