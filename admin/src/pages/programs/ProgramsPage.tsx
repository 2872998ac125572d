import { Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';

import { useNavigate } from 'react-router-dom';
import type { ProgramView } from '../../../../plugin/contracts/admin';
import type { Rate } from '../../../../plugin/contracts/rules';
import { PROGRAM_STATUSES } from '../../../../plugin/model';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { money, percent } from '../../components/format';
import { ListFooter, QuerySelect, useListQuery } from '../../components/ListQuery';
import { pagePath } from '../../components/PartnersNav';
import { PluginPage } from '../../components/PluginPage';
import { StatusBadge } from '../../components/StatusBadge';
import { toQueryString, useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';

export const rateText = (rate: Rate, currency: string) =>
  rate.type === 'percentage' ? percent(rate.bps) : money(rate.amount, currency);

/** Every program with its rule in one line; a row opens the editor. */
export const ProgramsPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const can = usePermissions();
  const { query } = useListQuery();
  const { status, page, pageSize } = query;
  const { data, pagination, isLoading, error } = useApi<ProgramView[]>(
    `/partners/programs${toQueryString({ status, page, pageSize })}`
  );
  const create = can.managePrograms ? (
    <Button startIcon={<Plus />} onClick={() => navigate(pagePath('programs/new'))}>
      {t('programs.create')}
    </Button>
  ) : undefined;

  return (
    <PluginPage
      title={t('programs.title')}
      subtitle={t('programs.subtitle', { count: pagination?.total ?? 0 })}
      primaryAction={create}
      startActions={
        <QuerySelect
          name="status"
          label={t('filters.status')}
          options={PROGRAM_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
        />
      }
    >
      {error ? (
        <ErrorState error={error} />
      ) : isLoading && !data ? (
        <LoadingState />
      ) : !data || data.length === 0 ? (
        <EmptyState text={t('programs.empty')} action={create} />
      ) : (
        <>
          <Table colCount={6} rowCount={data.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('table.name')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('table.status')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('programs.field.trigger')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('programs.field.commission')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('programs.field.tierMode')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('table.partners')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {data.map((program) => (
                <Tr
                  key={program.documentId}
                  onClick={() => navigate(pagePath(`programs/${program.documentId}`))}
                  style={{ cursor: 'pointer' }}
                >
                  <Td>
                    <Typography fontWeight="bold">{program.name}</Typography>
                    <Typography variant="pi" textColor="neutral600" tag="p">
                      {program.slug}
                    </Typography>
                  </Td>
                  <Td>
                    <StatusBadge status={program.status} />
                  </Td>
                  <Td>
                    <Typography>{t(`programs.trigger.${program.trigger}`)}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {rateText(program.commission, program.currency)}
                      {program.secondTier
                        ? ` + ${rateText(program.secondTier.commission, program.currency)} ${t('programs.toRecruiter')}`
                        : ''}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{t(`programs.tierMode.${program.tierMode}`)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{program.partners}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          <ListFooter pagination={pagination} />
        </>
      )}
    </PluginPage>
  );
};
