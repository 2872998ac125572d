import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { PortalLink, PortalLinkProgram } from '../api/types';
import { ErrorNote } from './ui';

interface Fields {
  program: string;
  label: string;
  path: string;
  code: string;
}

/**
 * Adds a link (`link` absent) in one of the partner's programs, or edits one: label, deep path
 * on the landing site, and the code where the program lets partners choose codes. The server
 * checks everything again (limit, path on the landing host, code taken).
 */
export function LinkForm(props: {
  programs: PortalLinkProgram[];
  link?: PortalLink;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { link, programs } = props;
  const open = programs.filter((program) => program.links < program.partnerLinkLimit);
  const [fields, setFields] = useState<Fields>({
    program: link?.program.slug ?? open[0]?.slug ?? '',
    label: link?.label ?? '',
    path: link?.path ?? '',
    code: link?.code ?? '',
  });
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const program = programs.find((entry) => entry.slug === fields.program);
  const set = (name: keyof Fields) => (event: { target: { value: string } }) =>
    setFields((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const text = { label: fields.label.trim() || null, path: fields.path.trim() || null };
    const code = program?.vanityCodes ? fields.code.trim() : '';
    try {
      if (link) {
        await api.put(`/partners/portal/links/${link.documentId}`, {
          data: { ...text, ...(code && code !== link.code ? { code } : {}) },
        });
      } else {
        await api.post('/partners/portal/links', {
          data: { program: fields.program, ...text, ...(code ? { code } : {}) },
        });
      }
      props.onDone();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="link-form" onSubmit={submit} aria-label={link ? 'Edit link' : 'Add link'}>
      <div className="form-grid">
        {!link && programs.length > 1 && (
          <label className="field">
            <span>Program</span>
            <select value={fields.program} onChange={set('program')}>
              {programs.map((entry) => (
                <option
                  key={entry.slug}
                  value={entry.slug}
                  disabled={entry.links >= entry.partnerLinkLimit}
                >
                  {entry.name} ({entry.links} of {entry.partnerLinkLimit} links)
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>Label</span>
          <input
            name="label"
            placeholder="Newsletter, YouTube…"
            maxLength={200}
            value={fields.label}
            onChange={set('label')}
          />
        </label>
        <label className="field">
          <span>Page on the site</span>
          <input
            name="path"
            placeholder="/pricing"
            maxLength={1024}
            value={fields.path}
            onChange={set('path')}
          />
        </label>
        {program?.vanityCodes && (
          <label className="field">
            <span>Code {link ? '' : '(optional)'}</span>
            <input
              name="code"
              placeholder="your-code"
              maxLength={64}
              pattern="[A-Za-z0-9][A-Za-z0-9_\-]+"
              title='Letters, digits, "-" and "_"'
              value={fields.code}
              onChange={set('code')}
            />
          </label>
        )}
      </div>
      <ErrorNote error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !program}>
          {link ? 'Save link' : 'Add link'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
