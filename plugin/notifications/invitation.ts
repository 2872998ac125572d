import { emailContent, type EmailContent } from './email-content';
import { possessive } from './possessive';

export interface InvitationData {
  partnerName: string | null;
  programName: string | null;
  /** The single-use link; only its hash is stored. */
  acceptUrl: string;
  expiresAt: string;
}

/** A portal invitation: the only place the invitation token ever appears in clear. */
export function invitationEmail(data: InvitationData): EmailContent {
  const where = data.programName
    ? `${possessive(data.programName)} partner portal`
    : 'our partner portal';
  return emailContent({
    template: {
      name: 'invitation',
      variables: {
        partnerName: data.partnerName ?? '',
        programName: data.programName ?? '',
        acceptUrl: data.acceptUrl,
        expiresAt: data.expiresAt.slice(0, 10),
      },
    },
    subject: `You are invited to ${where}`,
    greeting: data.partnerName ? `Hi ${data.partnerName},` : 'Hello,',
    paragraphs: [
      `You have been invited to ${where}. The link works once, until ${data.expiresAt.slice(0, 10)}.`,
    ],
    link: { label: 'Accept the invitation', url: data.acceptUrl },
  });
}
