import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { PortalLink, PortalLinkProgram } from '../api/types';
import { plural } from '../format';
import { LinkForm } from './link-form';
import { Card, CopyButton, Empty, ErrorNote, StatusBadge } from './ui';

/** "2 of 10 links", per program the partner may add links in. */
const usage = (programs: PortalLinkProgram[]) =>
  programs
    .map(
      (program) =>
        `${programs.length > 1 ? `${program.name}: ` : ''}${program.links} of ${program.partnerLinkLimit} links`
    )
    .join(' · ');

/**
 * The partner's tracking links with copy buttons; adding, editing and disabling its own links
 * within each program's rules; and a builder for deep links on a live link.
 */
export function LinksCard(props: {
  links: PortalLink[];
  programs: PortalLinkProgram[];
  onChanged: () => void;
}) {
  const { links, programs } = props;
  const live = links.filter((link) => link.status === 'active');
  const [editing, setEditing] = useState<PortalLink | 'new' | null>(null);
  const [linkId, setLinkId] = useState(live[0]?.documentId ?? '');
  const [to, setTo] = useState('');
  const [built, setBuilt] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const canAdd = programs.some((program) => program.links < program.partnerLinkLimit);

  const done = () => {
    setEditing(null);
    props.onChanged();
  };

  const setStatus = async (link: PortalLink, status: 'active' | 'disabled') => {
    setError(null);
    try {
      await api.put(`/partners/portal/links/${link.documentId}`, { data: { status } });
      props.onChanged();
    } catch (caught) {
      setError(caught as Error);
    }
  };

  const build = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBuilt(null);
    try {
      const answer = await api.post<{ data: { url: string } }>('/partners/portal/links/build', {
        data: { link: linkId || live[0]?.documentId, to: to.trim() || '/' },
      });
      setBuilt(answer.data.url);
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <Card
      title="Your links"
      actions={
        programs.length > 0 &&
        editing === null && (
          <div className="card-actions">
            <span className="muted small">{usage(programs)}</span>
            <button
              type="button"
              className="button button-small"
              disabled={!canAdd}
              title={canAdd ? undefined : 'You have as many links as the program allows'}
              onClick={() => setEditing('new')}
            >
              Add link
            </button>
          </div>
        )
      }
    >
      {editing === 'new' && (
        <LinkForm programs={programs} onDone={done} onCancel={() => setEditing(null)} />
      )}
      {links.length === 0 ? (
        <Empty>No links yet. You get one as soon as a program approves you.</Empty>
      ) : (
        <ul className="link-list">
          {links.map((link) => (
            <li key={link.documentId} className="link-row" data-link={link.code}>
              {editing !== 'new' && editing?.documentId === link.documentId ? (
                <LinkForm
                  programs={programs}
                  link={link}
                  onDone={done}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <div className="link-main">
                    <div className="link-label">
                      {link.label || link.code}
                      <span className="muted small">
                        {' '}
                        · {link.program.name}
                        {link.label ? ` · code ${link.code}` : ''}
                        {link.path ? ` · ${link.path}` : ''}
                      </span>{' '}
                      {link.status === 'disabled' && <StatusBadge status="disabled" />}
                    </div>
                    <code className="link-url">{link.url}</code>
                  </div>
                  <div className="link-side">
                    <span className="muted small">{plural(link.clicks, 'click', 'clicks')}</span>
                    {link.status === 'active' && <CopyButton text={link.url} />}
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setEditing(link)}
                    >
                      Edit
                    </button>
                    {link.origin === 'partner' && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() =>
                          setStatus(link, link.status === 'active' ? 'disabled' : 'active')
                        }
                      >
                        {link.status === 'active' ? 'Disable' : 'Enable'}
                      </button>
                    )}
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {live.length > 0 && (
        <form className="link-builder" onSubmit={build}>
          <h3>Link builder</h3>
          <p className="muted small">
            Send people to any page of the site: paste its path or address.
          </p>
          <div className="inline-form">
            {live.length > 1 && (
              <select
                aria-label="Link"
                value={linkId}
                onChange={(event) => setLinkId(event.target.value)}
              >
                {live.map((link) => (
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
          {built && (
            <div className="built-link">
              <code>{built}</code>
              <CopyButton text={built} />
            </div>
          )}
        </form>
      )}
      <ErrorNote error={error} />
    </Card>
  );
}
