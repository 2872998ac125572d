import * as React from 'react';

import type { CommissionView } from '../../../../plugin/contracts/admin';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { ListFooter } from '../../components/ListQuery';
import { type Query, toQueryString, useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { BulkActions } from './BulkActions';
import { CommissionModal } from './CommissionModal';
import { CommissionsTable } from './CommissionsTable';

/** The ledger for some filters: selection with bulk decisions, and each entry's explanation. */
export const CommissionsPanel = ({
  query,
  showPartner = true,
}: {
  query: Query;
  showPartner?: boolean;
}) => {
  const t = useT();
  const can = usePermissions();
  const path = `/partners/commissions${toQueryString(query)}`;
  const { data, pagination, isLoading, error, refetch } = useApi<CommissionView[]>(path);
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [open, setOpen] = React.useState<CommissionView | null>(null);
  React.useEffect(() => setSelected(new Set()), [path]);

  const select = (ids: string[], checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  if (error) return <ErrorState error={error} />;
  if (isLoading && !data) return <LoadingState />;
  if (!data || data.length === 0) return <EmptyState text={t('commissions.empty')} />;
  return (
    <>
      {can.approveCommissions ? (
        <BulkActions
          ids={[...selected]}
          onDone={() => {
            setSelected(new Set());
            refetch();
          }}
        />
      ) : null}
      <CommissionsTable
        rows={data}
        selectable={can.approveCommissions}
        selected={selected}
        onSelect={select}
        onOpen={setOpen}
        showPartner={showPartner}
      />
      <ListFooter pagination={pagination} />
      <CommissionModal entry={open} onClose={() => setOpen(null)} />
    </>
  );
};
