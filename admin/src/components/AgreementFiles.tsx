import { Button, Flex, Link, Typography } from '@strapi/design-system';
import type { MediaFileView } from '../../../plugin/contracts/media';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { useT } from '../hooks/useT';
import { FileUpload } from './FileUpload';

/**
 * The agreement files of a program's terms or of a partner (`path`: its `/agreements` route):
 * listed with their media-library links; editors who may change them upload or remove files.
 */
export const AgreementFiles = ({
  path,
  canEdit,
  hint,
}: {
  path: string;
  canEdit: boolean;
  hint: string;
}) => {
  const t = useT();
  const api = useAction();
  const { data, refetch } = useApi<MediaFileView[]>(path);
  const files = data ?? [];
  const save = async (ids: number[], message: string) => {
    if ((await api.put(path, { files: ids }, message)) !== undefined) refetch();
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-agreements={path}>
      <Typography variant="sigma" textColor="neutral600">
        {t('agreements.title')}
      </Typography>
      {files.length === 0 ? (
        <Typography textColor="neutral600">{t('agreements.none')}</Typography>
      ) : (
        files.map((file) => (
          <Flex key={file.id} gap={2} data-agreement={file.name}>
            <Link href={file.url ?? undefined} isExternal>
              {file.name}
            </Link>
            {canEdit ? (
              <Button
                variant="ghost"
                size="S"
                onClick={() =>
                  save(
                    files.filter((other) => other.id !== file.id).map((other) => other.id),
                    t('agreements.removed', { name: file.name })
                  )
                }
              >
                {t('actions.remove')}
              </Button>
            ) : null}
          </Flex>
        ))
      )}
      {canEdit ? (
        <FileUpload
          use="agreement"
          label={t('agreements.add')}
          hint={hint}
          onUploaded={(file) =>
            save(
              [...files.map((other) => other.id), file.id],
              t('agreements.added', { name: file.name })
            )
          }
        />
      ) : null}
    </Flex>
  );
};
