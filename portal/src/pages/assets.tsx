import { api } from '../api/client';
import type { Listed, PortalAsset } from '../api/types';
import { Card, CopyButton, Empty, ErrorNote, Loading, PageHeader } from '../components/ui';
import { safeHref } from '../../../plugin/tracking/is-web-address';
import { label } from '../format';
import { useResource } from '../use-resource';

/** Marketing assets of the partner's programs: banners, copy, logos, links. */
export function AssetsPage() {
  const assets = useResource(
    () => api.get<Listed<PortalAsset>>('/partners/portal/assets'),
    'assets'
  );
  const rows = assets.data?.data ?? [];
  return (
    <>
      <PageHeader title="Assets" description="Banners, logos and copy you may use to promote us." />
      <ErrorNote error={assets.error} />
      {assets.loading && !assets.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Card>
          <Empty>No marketing assets yet.</Empty>
        </Card>
      ) : (
        <div className="asset-grid">
          {rows.map((asset) => {
            const link = safeHref(asset.url);
            const href = safeHref(asset.fileUrl) ?? link;
            const image = asset.type === 'banner' || asset.type === 'logo';
            return (
              <Card key={asset.documentId} className="asset">
                {image && asset.fileUrl && (
                  <img className="asset-preview" src={asset.fileUrl} alt={asset.title} />
                )}
                <div className="asset-type muted small">
                  {label(asset.type)}
                  {asset.program && ` · ${asset.program.name}`}
                </div>
                <h3>{asset.title}</h3>
                {asset.description && <p className="muted">{asset.description}</p>}
                <div className="asset-actions">
                  {href && (
                    <a className="button button-small" href={href} target="_blank" rel="noreferrer">
                      {asset.fileUrl ? 'Download' : 'Open'}
                    </a>
                  )}
                  {link && <CopyButton text={link} label="Copy link" />}
                </div>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
