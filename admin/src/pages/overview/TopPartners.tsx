import { Link as RouterLink } from 'react-router-dom';
import {
  Flex,
  Link,
  ProgressBar,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import type { Overview } from '../../../../plugin/contracts/admin';
import { moneyList, percent } from '../../components/format';
import { dealSummary } from './deal-summary';
import { pagePath } from '../../components/PartnersNav';
import { useT } from '../../hooks/useT';
import { ChartCard } from './ChartCard';

/** The partners who brought the most revenue, with their share of it. */
export const TopPartners = ({
  partners,
  contribution,
  currency,
}: {
  partners: Overview['topPartners'];
  contribution: Overview['contribution'];
  currency: string;
}) => {
  const t = useT();
  const shares = new Map<string, Overview['contribution']>();
  for (const share of contribution)
    shares.set(share.documentId, [...(shares.get(share.documentId) ?? []), share]);
  return (
    <ChartCard id="top-partners" title={t('overview.topPartners')}>
      {partners.length === 0 ? (
        <Typography textColor="neutral600">{t('overview.chart.empty')}</Typography>
      ) : (
        <Table colCount={6} rowCount={partners.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('table.partner')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('overview.kpi.revenue')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('overview.kpi.customers')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('table.commissions')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('overview.deals')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('overview.contribution')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {partners.map((partner) => {
              const share = shares.get(partner.documentId)?.[0];
              return (
                <Tr key={partner.documentId}>
                  <Td>
                    <Link tag={RouterLink} to={pagePath(`partners/${partner.documentId}`)}>
                      {partner.name}
                    </Link>
                  </Td>
                  <Td>
                    <Typography>{moneyList(partner.revenue, currency)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{partner.customers}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {moneyList(partner.commissions, partner.revenue[0]?.currency ?? currency)}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{dealSummary(partner.deals, currency) || '–'}</Typography>
                  </Td>
                  <Td>
                    {share ? (
                      <Flex gap={2}>
                        <ProgressBar value={share.shareBps / 100} size="S" />
                        <Typography variant="pi">{percent(share.shareBps)}</Typography>
                      </Flex>
                    ) : (
                      <Typography>—</Typography>
                    )}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </ChartCard>
  );
};
