import * as React from 'react';
import { Button, Field, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { MediaFileView } from '../../../plugin/contracts/media';
import { acceptedExtensions, type FileUse } from '../../../plugin/media/file-rules';
import { errorMessage } from '../hooks/useApi';
import { useT } from '../hooks/useT';

/**
 * Uploads one file into Strapi's media library through `POST /partners/media?use=…` (checked
 * there: type from the content, size) and hands the stored file over.
 */
export const FileUpload = ({
  use,
  label,
  hint,
  onUploaded,
}: {
  use: FileUse;
  label: string;
  hint?: string;
  onUploaded: (file: MediaFileView) => void | Promise<void>;
}) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const input = React.useRef<HTMLInputElement>(null);
  const [busy, setBusy] = React.useState(false);

  const send = async (file: File) => {
    const body = new FormData();
    body.append('files', file, file.name);
    setBusy(true);
    try {
      const { data } = await post<{ data: MediaFileView[] }>(`/partners/media?use=${use}`, body);
      await onUploaded(data.data[0]);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Field.Root name={`upload-${use}`} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Flex gap={2}>
        <input
          ref={input}
          type="file"
          hidden
          data-upload={use}
          accept={acceptedExtensions(use).join(',')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void send(file);
          }}
        />
        <Button variant="secondary" loading={busy} onClick={() => input.current?.click()}>
          {t('files.choose')}
        </Button>
        <Typography variant="pi" textColor="neutral600">
          {t('files.accepted', { extensions: acceptedExtensions(use).join(', ') })}
        </Typography>
      </Flex>
      <Field.Hint />
    </Field.Root>
  );
};
