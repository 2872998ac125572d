import * as React from 'react';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useListQuery } from '../../components/ListQuery';
import { PluginPage } from '../../components/PluginPage';
import { errorMessage, toQueryString, useDownload } from '../../hooks/useApi';
import { useT } from '../../hooks/useT';
import { CommissionFilters } from './CommissionFilters';
import { CommissionsPanel } from './CommissionsPanel';

/** The commission ledger (SPEC §9): filters, bulk approve/reject, CSV export. */
export const CommissionsPage = () => {
  const t = useT();
  const download = useDownload();
  const { toggleNotification } = useNotification();
  const [exporting, setExporting] = React.useState(false);
  const { query } = useListQuery();
  const { status, program, partner, kind, from, to, page, pageSize } = query;
  const filters = { status, program, partner, kind, from, to };

  const exportCsv = async () => {
    setExporting(true);
    try {
      await download(`/partners/commissions/export${toQueryString(filters)}`, 'commissions.csv');
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <PluginPage
      title={t('commissions.title')}
      subtitle={t('commissions.subtitle')}
      primaryAction={
        <Button
          variant="secondary"
          startIcon={<Download />}
          loading={exporting}
          onClick={exportCsv}
        >
          {t('commissions.export')}
        </Button>
      }
      startActions={<CommissionFilters />}
    >
      <CommissionsPanel query={{ ...filters, page, pageSize }} />
    </PluginPage>
  );
};
