import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { PortalLink } from '../api/types';
import { plural } from '../format';
import { Card, CopyButton, Empty, ErrorNote } from './ui';

/** The partner's tracking links with copy buttons, and a builder for deep links. */
export function LinksCard({ links }: { links: PortalLink[] }) {
  const [linkId, setLinkId] = useState(links[0]?.documentId ?? '');
  const [to, setTo] = useState('');
  const [built, setBuilt] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const build = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBuilt(null);
    try {
      const answer = await api.post<{ data: { url: string } }>('/partners/portal/links/build', {
        data: { link: linkId, to: to.trim() || '/' },
      });
      setBuilt(answer.data.url);
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <Card title="Your links">
      {links.length === 0 ? (
        <Empty>No links yet. The program team creates them when you join a program.</Empty>
      ) : (
        <ul className="link-list">
          {links.map((link) => (
            <li key={link.documentId} className="link-row" data-link={link.code}>
              <div className="link-main">
                <div className="link-label">
                  {link.label || link.code}
                  <span className="muted small"> · {link.program.name}</span>
                </div>
                <code className="link-url">{link.url}</code>
              </div>
              <div className="link-side">
                <span className="muted small">{plural(link.clicks, 'click', 'clicks')}</span>
                <CopyButton text={link.url} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {links.length > 0 && (
        <form className="link-builder" onSubmit={build}>
          <h3>Link builder</h3>
          <p className="muted small">
            Send people to any page of the site: paste its path or address.
          </p>
          <div className="inline-form">
            {links.length > 1 && (
              <select
                aria-label="Link"
                value={linkId}
                onChange={(event) => setLinkId(event.target.value)}
              >
                {links.map((link) => (
                  <option key={link.documentId} value={link.documentId}>
                    {link.label || link.code}
                  </option>
                ))}
              </select>
            )}
            <input
              aria-label="Page"
              name="to"
              placeholder="/pricing"
              value={to}
              onChange={(event) => setTo(event.target.value)}
            />
            <button type="submit" className="button">
              Build link
            </button>
          </div>
          <ErrorNote error={error} />
          {built && (
            <div className="built-link">
              <code>{built}</code>
              <CopyButton text={built} />
            </div>
          )}
        </form>
      )}
    </Card>
  );
}
