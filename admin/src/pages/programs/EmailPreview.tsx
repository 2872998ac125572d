import { Box, Flex, Typography } from '@strapi/design-system';
import type { EmailPreview as Preview } from '../../../../plugin/contracts/notifications';
import type { ProgramTemplateName } from '../../../../plugin/notifications';
import { useLivePreview } from '../../hooks/useLivePreview';
import { useT } from '../../hooks/useT';

/**
 * The message as a partner would receive it, rendered by the server with sample data and the
 * same renderer as a real send (`POST /notifications/templates/:name/preview`); nothing is saved.
 * The HTML part is shown in a sandboxed frame: no script runs, nothing is fetched.
 */
export const EmailPreview = ({
  name,
  programName,
  subject,
  body,
}: {
  name: ProgramTemplateName;
  programName: string;
  subject: string | null;
  body: string | null;
}) => {
  const t = useT();
  const { data: preview, problem } = useLivePreview<Preview>(
    `/partners/notifications/templates/${name}/preview`,
    JSON.stringify({ ...(programName.trim() ? { programName } : {}), subject, body })
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-email-preview={name}>
      <Typography variant="sigma" textColor="neutral600">
        {t('programs.emails.preview')}
      </Typography>
      {problem ? (
        <Typography variant="pi" textColor="danger600" data-email-preview-problem>
          {problem}
        </Typography>
      ) : null}
      {/* A preview older than the text that was refused would not be the text being edited. */}
      {preview && !problem ? (
        <Box hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px" padding={3}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography fontWeight="bold" data-email-preview-subject>
              {preview.subject}
            </Typography>
            <Typography variant="pi" textColor="neutral600" data-email-preview-sources>
              {t('programs.emails.sources', {
                subject: t(`programs.emails.source.${preview.subjectFrom}`),
                body: t(`programs.emails.source.${preview.bodyFrom}`),
              })}
            </Typography>
            <iframe
              title={t('programs.emails.preview')}
              sandbox=""
              srcDoc={preview.html}
              style={{ width: '100%', height: 180, border: 0, background: 'white' }}
              data-email-preview-html
            />
          </Flex>
        </Box>
      ) : null}
    </Flex>
  );
};
