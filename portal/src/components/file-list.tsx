import { useRef, useState } from 'react';
import { acceptedExtensions, MAX_DEAL_ATTACHMENTS } from '../../../plugin/media/file-rules';
import { api, download } from '../api/client';
import type { PortalDeal, PortalFile } from '../api/types';

/** The portal's own route for a file: the server checks it is the partner's before sending it. */
const portalPath = (file: PortalFile) => file.downloadPath.replace(/^\/api/, '');

/** Files the partner may download, each a button (downloads need the session's token). */
export function FileDownloads({ files, empty }: { files: PortalFile[]; empty?: string }) {
  const [error, setError] = useState<string | null>(null);
  if (files.length === 0) return empty ? <span className="muted">{empty}</span> : null;
  return (
    <div className="file-list">
      {files.map((file) => (
        <button
          key={file.id}
          type="button"
          className="link-button"
          data-file={file.name}
          onClick={() => {
            setError(null);
            download(portalPath(file), file.name).catch((caught: Error) =>
              setError(caught.message)
            );
          }}
        >
          {file.name}
        </button>
      ))}
      {error && <div className="text-error small">{error}</div>}
    </div>
  );
}

/** A deal's attachments and, while it has room, a picker that attaches more. */
export function DealAttachments({ deal, onChanged }: { deal: PortalDeal; onChanged: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const room = MAX_DEAL_ATTACHMENTS - deal.attachments.length;

  const attach = async (files: File[]) => {
    setBusy(true);
    setMessage(null);
    try {
      const answer = await api.upload<{ data: PortalDeal }>(
        `/partners/portal/deals/${deal.documentId}/attachments`,
        files
      );
      const added = answer.data.attachments.length - deal.attachments.length;
      setMessage({ ok: true, text: added === 1 ? 'File attached.' : `${added} files attached.` });
      onChanged();
    } catch (caught) {
      setMessage({ ok: false, text: (caught as Error).message });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="deal-files" data-deal-files={deal.documentId}>
      <FileDownloads files={deal.attachments} />
      {room > 0 && (
        <>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            accept={acceptedExtensions('deal-attachment').join(',')}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              if (files.length) void attach(files);
            }}
          />
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => input.current?.click()}
          >
            {busy ? 'Attaching…' : 'Attach files'}
          </button>
        </>
      )}
      {message && (
        <div className={`small ${message.ok ? 'text-success' : 'text-error'}`}>{message.text}</div>
      )}
    </div>
  );
}
