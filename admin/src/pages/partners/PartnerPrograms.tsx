import * as React from 'react';
import {
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import type { EnrollmentView, PartnerDetail } from '../../../../plugin/contracts/admin';
import { ENROLLMENT_STATUSES } from '../../../../plugin/model';
import { day } from '../../components/format';
import { usePrograms } from '../../components/Options';
import { SimpleTable, Text } from '../../components/SimpleTable';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { rateText } from '../programs/ProgramsPage';
import { OverrideModal } from './OverrideModal';

/** The programs the partner is in, with agreement and rate (its links have a tab of their own). */
export const PartnerPrograms = ({
  partner,
  onSaved,
}: {
  partner: PartnerDetail;
  onSaved: () => void;
}) => {
  const t = useT();
  const can = usePermissions();
  const api = useAction();
  const { data: programs } = usePrograms();
  const currencyOf = (slug: string | undefined) =>
    programs?.find((program) => program.slug === slug)?.currency ?? 'USD';
  const [editing, setEditing] = React.useState<EnrollmentView | null>(null);
  const save = async (enrollment: EnrollmentView, change: Record<string, unknown>) => {
    const saved = await api.put(
      `/partners/partners/${partner.documentId}`,
      { enrollments: [{ documentId: enrollment.documentId, ...change }] },
      t('partner.saved')
    );
    if (saved !== undefined) onSaved();
  };
  const setStatus = (enrollment: EnrollmentView, status: string) => save(enrollment, { status });
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {t('partner.enrollments')}
        </Typography>
        <SimpleTable
          rows={partner.enrollments}
          rowKey={(row) => row.documentId}
          empty={t('partner.enrollments.empty')}
          columns={[
            {
              id: 'program',
              label: t('table.program'),
              render: (row) => <Text>{row.program?.name ?? '—'}</Text>,
            },
            {
              id: 'status',
              label: t('table.status'),
              render: (row) =>
                can.managePartners ? (
                  <SingleSelect
                    size="S"
                    aria-label={t('table.status')}
                    value={row.status}
                    onChange={(status) => setStatus(row, String(status))}
                  >
                    {ENROLLMENT_STATUSES.map((status) => (
                      <SingleSelectOption key={status} value={status}>
                        {t(`status.${status}`)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                ) : (
                  <StatusBadge status={row.status} />
                ),
            },
            {
              id: 'rate',
              label: t('partner.override'),
              render: (row) => (
                <Flex gap={1}>
                  <Text>
                    {row.commissionOverride
                      ? rateText(row.commissionOverride, currencyOf(row.program?.slug))
                      : t('partner.override.none')}
                  </Text>
                  {can.managePartners ? (
                    <IconButton
                      label={t('partner.override.edit')}
                      variant="ghost"
                      onClick={() => setEditing(row)}
                    >
                      <Pencil />
                    </IconButton>
                  ) : null}
                </Flex>
              ),
            },
            {
              id: 'terms',
              label: t('partner.terms'),
              render: (row) => (
                <Text>
                  {row.termsVersionAccepted
                    ? t('partner.terms.accepted', {
                        version: row.termsVersionAccepted,
                        date: day(row.acceptedAt),
                      })
                    : t('partner.terms.none')}
                </Text>
              ),
            },
            {
              id: 'activated',
              label: t('partner.activated'),
              render: (row) => <Text>{day(row.activatedAt)}</Text>,
            },
          ]}
        />
      </Flex>
      <OverrideModal
        enrollment={editing}
        currency={currencyOf(editing?.program?.slug)}
        onClose={() => setEditing(null)}
        onSave={(enrollment, commissionOverride) => save(enrollment, { commissionOverride })}
      />
    </Flex>
  );
};
