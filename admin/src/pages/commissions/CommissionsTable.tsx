import {
  Checkbox,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import type { CommissionView } from '../../../../plugin/contracts/admin';
import { day, money } from '../../components/format';
import { WRAP } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../hooks/useT';
import { Signals } from './Signals';

interface Props {
  rows: CommissionView[];
  /** Rows can be ticked for bulk actions (only pending entries change). */
  selectable: boolean;
  selected: Set<string>;
  onSelect: (ids: string[], checked: boolean) => void;
  onOpen: (entry: CommissionView) => void;
  showPartner?: boolean;
}

/** Ledger entries; a click opens the entry and its explanation. */
export const CommissionsTable = ({
  rows,
  selectable,
  selected,
  onSelect,
  onOpen,
  showPartner = true,
}: Props) => {
  const t = useT();
  const ids = rows.map((row) => row.documentId);
  const ticked = ids.filter((id) => selected.has(id)).length;
  const all = ticked === 0 ? false : ticked === ids.length ? true : 'indeterminate';
  const columns = 7 + (selectable ? 1 : 0) + (showPartner ? 1 : 0);
  return (
    <Table colCount={columns} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {selectable ? (
            <Th>
              <Checkbox
                aria-label={t('commissions.selectAll')}
                checked={all}
                onCheckedChange={(checked) => onSelect(ids, checked === true)}
              />
            </Th>
          ) : null}
          <Th>
            <Typography variant="sigma">{t('table.created')}</Typography>
          </Th>
          {showPartner ? (
            <Th>
              <Typography variant="sigma">{t('table.partner')}</Typography>
            </Th>
          ) : null}
          <Th>
            <Typography variant="sigma">{t('table.program')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('table.kind')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('table.order')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('table.amount')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('table.status')}</Typography>
          </Th>
          <Th>
            <VisuallyHidden>{t('commissions.explanation')}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr
            key={row.documentId}
            data-commission={row.documentId}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(row)}
          >
            {selectable ? (
              <Td onClick={(event: React.MouseEvent) => event.stopPropagation()}>
                <Checkbox
                  aria-label={t('commissions.select', { id: row.documentId })}
                  checked={selected.has(row.documentId)}
                  onCheckedChange={(checked) => onSelect([row.documentId], checked === true)}
                />
              </Td>
            ) : null}
            <Td>
              <Typography>{day(row.createdAt)}</Typography>
            </Td>
            {showPartner ? (
              <Td style={WRAP}>
                <Typography>{row.partner?.name ?? '—'}</Typography>
              </Td>
            ) : null}
            <Td style={WRAP}>
              <Typography>{row.program?.name ?? '—'}</Typography>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography>{t(`commissions.kind.${row.kind}`)}</Typography>
                <Typography variant="pi" textColor="neutral600">
                  {t(`commissions.level.${row.level}`)}
                </Typography>
              </Flex>
            </Td>
            <Td style={{ maxWidth: '9rem' }}>
              <Typography ellipsis title={row.order?.externalId}>
                {row.order?.externalId ?? '—'}
              </Typography>
            </Td>
            <Td>
              <Typography fontWeight="bold" textColor={row.amount < 0 ? 'danger600' : 'neutral800'}>
                {money(row.amount, row.currency)}
              </Typography>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <StatusBadge status={row.status} />
                <Signals signals={row.signals ?? []} />
              </Flex>
            </Td>
            <Td style={{ maxWidth: '12rem' }}>
              <Typography variant="pi" textColor="neutral600" ellipsis>
                {row.explanation ?? ''}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
