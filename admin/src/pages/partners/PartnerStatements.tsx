import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import type { PartnerDetail } from '../../../../plugin/contracts/admin';
import { previousPayoutPeriod } from '../../../../plugin/payouts/previous-payout-period';
import { errorMessage, toQueryString, useDownload } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';
import { recentPeriods } from '../payouts/period';

/** The partner's monthly statement (opening balance, entries, payouts, closing balance). */
export const PartnerStatements = ({ partner }: { partner: PartnerDetail }) => {
  const t = useT();
  const download = useDownload();
  const { toggleNotification } = useNotification();
  const currencies = [
    ...new Set(
      Object.values(partner.earnings).flatMap((list) => list.map((money) => money.currency))
    ),
  ];
  const [month, setMonth] = React.useState(() => previousPayoutPeriod(new Date()));
  const [currency, setCurrency] = React.useState(currencies[0] ?? 'USD');
  const get = (format: 'csv' | 'pdf') =>
    download(
      `/partners/statements/${format}${toQueryString({ partner: partner.documentId, currency, month })}`,
      `statement-${month}-${currency}.${format}`
    ).catch((error: unknown) =>
      toggleNotification({ type: 'danger', message: errorMessage(error) })
    );
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-section="statements">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {t('partner.statements')}
        </Typography>
        <Flex gap={3} alignItems="flex-end">
          <Box width="16rem">
            <Field.Root name="month">
              <Field.Label>{t('partner.statements.month')}</Field.Label>
              <SingleSelect value={month} onChange={(value) => setMonth(String(value))}>
                {recentPeriods().map((value) => (
                  <SingleSelectOption key={value} value={value}>
                    {value}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
          <Box width="12rem">
            <Field.Root name="currency">
              <Field.Label>{t('filters.currency')}</Field.Label>
              <SingleSelect value={currency} onChange={(value) => setCurrency(String(value))}>
                {(currencies.length ? currencies : ['USD']).map((value) => (
                  <SingleSelectOption key={value} value={value}>
                    {value}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
          <Button variant="secondary" startIcon={<Download />} onClick={() => get('csv')}>
            CSV
          </Button>
          <Button variant="secondary" startIcon={<Download />} onClick={() => get('pdf')}>
            PDF
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
