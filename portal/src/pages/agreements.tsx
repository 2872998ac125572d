import { api } from '../api/client';
import type { PortalAgreements } from '../api/types';
import { FileDownloads } from '../components/file-list';
import { Card, Empty, ErrorNote, Loading, PageHeader } from '../components/ui';
import { date } from '../format';
import { useResource } from '../use-resource';

/** The terms the partner accepted with their agreement files, and agreements made with it alone. */
export function AgreementsPage() {
  const agreements = useResource(
    () => api.get<{ data: PortalAgreements }>('/partners/portal/agreements'),
    'agreements'
  );
  const data = agreements.data?.data;
  return (
    <>
      <PageHeader
        title="Agreements"
        description="The program terms you accepted and the agreements made with you. Only you can download them."
      />
      <ErrorNote error={agreements.error} />
      {agreements.loading && !data ? (
        <Loading />
      ) : data ? (
        <>
          <Card title="Accepted program terms">
            {data.programs.length === 0 ? (
              <Empty>You have not accepted any program terms yet.</Empty>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>Program</th>
                      <th>Terms version</th>
                      <th>Accepted</th>
                      <th>Files</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.programs.map((entry) => (
                      <tr key={entry.program.slug} data-accepted={entry.program.slug}>
                        <td>{entry.program.name}</td>
                        <td>{entry.termsVersionAccepted ?? '—'}</td>
                        <td>{date(entry.acceptedAt)}</td>
                        <td>
                          <FileDownloads files={entry.files} empty="No files" />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          <Card title="Your agreements">
            <FileDownloads
              files={data.partner}
              empty="No agreements have been attached to your account."
            />
          </Card>
        </>
      ) : null}
    </>
  );
}
