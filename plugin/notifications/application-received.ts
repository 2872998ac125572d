import { emailContent, type EmailContent } from './email-content';

export interface ApplicationData {
  partnerName: string;
  programName: string;
}

/** Sent to a partner when its application to a program arrives. */
export function applicationReceivedEmail(data: ApplicationData): EmailContent {
  return emailContent({
    template: {
      name: 'application-received',
      variables: { partnerName: data.partnerName, programName: data.programName },
    },
    subject: `We received your application to ${data.programName}`,
    greeting: `Hi ${data.partnerName},`,
    paragraphs: [
      `Thank you for applying to ${data.programName}. We will review your application and write to you once it is decided.`,
    ],
  });
}
