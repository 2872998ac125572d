import type { ApplicationData } from './application-received';
import { emailContent, type EmailContent } from './email-content';

/** Sent when an editor approves a partner's enrollment. */
export function applicationApprovedEmail(
  data: ApplicationData & { portalUrl?: string | null }
): EmailContent {
  return emailContent({
    template: {
      name: 'application-approved',
      variables: {
        partnerName: data.partnerName,
        programName: data.programName,
        portalUrl: data.portalUrl ?? '',
      },
    },
    subject: `Welcome to ${data.programName}`,
    greeting: `Hi ${data.partnerName},`,
    paragraphs: [
      `Your application to ${data.programName} was approved. Your referral links are ready in the partner portal.`,
    ],
    link: data.portalUrl ? { label: 'Open the partner portal', url: data.portalUrl } : undefined,
  });
}
