import { SimpleMenu, MenuItem } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { errorMessage, toQueryString, useDownload } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';

/** The payout files: all payouts (CSV), a PayPal Payouts batch, and every entry of a period. */
export const PayoutExports = ({
  period,
  status,
  currency,
}: {
  period?: string;
  status?: string;
  currency?: string;
}) => {
  const t = useT();
  const download = useDownload();
  const { toggleNotification } = useNotification();
  const get = (path: string, name: string) =>
    download(path, name).catch((error: unknown) =>
      toggleNotification({ type: 'danger', message: errorMessage(error) })
    );
  return (
    <SimpleMenu label={t('payouts.exports')} variant="secondary">
      <MenuItem
        onSelect={() =>
          get(
            `/partners/payouts/export${toQueryString({ period, status, currency })}`,
            'payouts.csv'
          )
        }
      >
        {t('payouts.export.csv')}
      </MenuItem>
      <MenuItem
        disabled={!currency}
        onSelect={() =>
          get(
            `/partners/payouts/export/paypal${toQueryString({ currency, period })}`,
            `paypal-payouts-${currency}.csv`
          )
        }
      >
        {currency ? t('payouts.export.paypal', { currency }) : t('payouts.export.paypal.pick')}
      </MenuItem>
      <MenuItem
        disabled={!period}
        onSelect={() =>
          get(
            `/partners/payouts/export/entries${toQueryString({ period })}`,
            `payout-entries-${period}.csv`
          )
        }
      >
        {period ? t('payouts.export.entries', { period }) : t('payouts.export.entries.pick')}
      </MenuItem>
    </SimpleMenu>
  );
};
