import { Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

import { useNavigate } from 'react-router-dom';
import type { PartnerListItem } from '../../../../plugin/contracts/admin';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { day } from '../../components/format';
import { ListFooter, useListQuery } from '../../components/ListQuery';
import { pagePath } from '../../components/PartnersNav';
import { StatusBadge } from '../../components/StatusBadge';
import { toQueryString, useApi } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';

/** Partners matching the filters; a row opens the partner. */
export const PartnersTable = () => {
  const t = useT();
  const navigate = useNavigate();
  const { query } = useListQuery();
  const { status, tier, type, program, q, page, pageSize } = query;
  const { data, pagination, isLoading, error } = useApi<PartnerListItem[]>(
    `/partners/partners${toQueryString({ status, tier, type, program, q, page, pageSize })}`
  );
  if (error) return <ErrorState error={error} />;
  if (isLoading && !data) return <LoadingState />;
  if (!data || data.length === 0) return <EmptyState text={t('partners.empty')} />;
  return (
    <>
      <Table colCount={6} rowCount={data.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('table.partner')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('table.status')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('table.type')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('table.tier')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('table.programs')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('table.joined')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {data.map((partner) => (
            <Tr
              key={partner.documentId}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(pagePath(`partners/${partner.documentId}`))}
            >
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  <Typography fontWeight="bold">{partner.name}</Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {[partner.email, partner.company].filter(Boolean).join(' · ')}
                  </Typography>
                </Flex>
              </Td>
              <Td>
                <StatusBadge status={partner.status} />
              </Td>
              <Td>
                <Typography>{partner.type ? t(`partners.type.${partner.type}`) : '—'}</Typography>
              </Td>
              <Td>
                <Typography>{partner.tier ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography>
                  {partner.programs.map((entry) => entry.name).join(', ') || '—'}
                </Typography>
              </Td>
              <Td>
                <Typography>{day(partner.createdAt)}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <ListFooter pagination={pagination} />
    </>
  );
};
