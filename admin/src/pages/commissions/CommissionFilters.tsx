import { Flex } from '@strapi/design-system';
import { COMMISSION_KINDS, COMMISSION_STATUSES } from '../../../../plugin/model';
import { DayFilter } from '../../components/DayFilter';
import { QuerySelect } from '../../components/ListQuery';
import { usePartnerOptions, useProgramOptions } from '../../components/Options';
import { useT } from '../../hooks/useT';

/** Filters of the ledger; the CSV export takes the same ones. */
export const CommissionFilters = () => {
  const t = useT();
  const programs = useProgramOptions();
  const partners = usePartnerOptions();
  return (
    <Flex gap={3} wrap="wrap" alignItems="flex-end">
      <QuerySelect
        name="status"
        label={t('filters.status')}
        options={COMMISSION_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
      />
      <QuerySelect
        name="kind"
        label={t('filters.kind')}
        options={COMMISSION_KINDS.map((value) => ({
          value,
          label: t(`commissions.kind.${value}`),
        }))}
      />
      <QuerySelect name="program" label={t('filters.program')} options={programs} />
      <QuerySelect name="partner" label={t('filters.partner')} options={partners} />
      <DayFilter name="from" label={t('filters.from')} />
      <DayFilter name="to" label={t('filters.to')} />
    </Flex>
  );
};
