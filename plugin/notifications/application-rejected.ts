import type { ApplicationData } from './application-received';
import { emailContent, type EmailContent } from './email-content';

/** Sent when an editor rejects an application; `reason` is the editor's note, when shared. */
export function applicationRejectedEmail(
  data: ApplicationData & { reason?: string | null }
): EmailContent {
  return emailContent({
    template: {
      name: 'application-rejected',
      variables: {
        partnerName: data.partnerName,
        programName: data.programName,
        reason: data.reason ?? '',
      },
    },
    subject: `Your application to ${data.programName}`,
    greeting: `Hi ${data.partnerName},`,
    paragraphs: [
      `Thank you for your interest in ${data.programName}. We are not able to accept your application at this time.`,
      ...(data.reason ? [data.reason] : []),
    ],
  });
}
