import * as React from 'react';
import { Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

import { EmptyState } from '../../components/EmptyState';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { day } from '../../components/format';
import { ListFooter, useListQuery } from '../../components/ListQuery';
import { useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { type Decision, PartnerDecisionDialog } from './DecisionDialogs';
import type { ApplicationView } from './lifecycle';

/** Applications waiting for an editor: approve (invitation mailed) or reject with a reason. */
export const ApplicationsTable = () => {
  const t = useT();
  const can = usePermissions();
  const { query } = useListQuery();
  const [decision, setDecision] = React.useState<Decision>(null);
  const { data, pagination, isLoading, error, refetch } = useApi<ApplicationView[]>(
    `/partners/applications?status=applied&page=${query.page ?? 1}&pageSize=${query.pageSize ?? 25}`
  );
  if (error) return <ErrorState error={error} />;
  if (isLoading && !data) return <LoadingState />;
  // One tree for both: the dialog stays mounted when the list empties, to report the decision.
  return (
    <>
      {!data || data.length === 0 ? (
        <EmptyState text={t('applications.empty')} />
      ) : (
        <>
          <Table colCount={5} rowCount={data.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('table.applicant')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('table.program')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('table.message')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('table.applied')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('table.actions')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {data.map((application) => (
                <Tr key={application.enrollmentDocumentId} data-application={application.email}>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography fontWeight="bold">{application.name}</Typography>
                      <Typography variant="pi" textColor="neutral600">
                        {[application.email, application.company].filter(Boolean).join(' · ')}
                      </Typography>
                    </Flex>
                  </Td>
                  <Td>
                    <Typography>{application.program?.name ?? '—'}</Typography>
                  </Td>
                  <Td style={{ whiteSpace: 'normal', maxWidth: '32rem' }}>
                    <Typography variant="pi">{application.message ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{day(application.createdAt)}</Typography>
                  </Td>
                  <Td>
                    {can.managePartners ? (
                      <Flex gap={2}>
                        <Button
                          size="S"
                          variant="success-light"
                          onClick={() =>
                            setDecision({
                              kind: 'approve',
                              documentId: application.documentId,
                              name: application.name,
                            })
                          }
                        >
                          {t('actions.approve')}
                        </Button>
                        <Button
                          size="S"
                          variant="danger-light"
                          onClick={() =>
                            setDecision({
                              kind: 'reject',
                              documentId: application.documentId,
                              name: application.name,
                            })
                          }
                        >
                          {t('actions.reject')}
                        </Button>
                      </Flex>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          <ListFooter pagination={pagination} />
        </>
      )}
      <PartnerDecisionDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={refetch}
      />
    </>
  );
};
