import type { Core } from '@strapi/strapi';
import { uid } from '../../../plugin/model';
import {
  applicationApprovedEmail,
  applicationReceivedEmail,
  applicationRejectedEmail,
  commissionEarnedEmail,
  invitationEmail,
  isSwitchedOff,
  monthlyStatementEmail,
  payoutDetailsChangedEmail,
  payoutSentEmail,
  type EmailContent,
  type InvitationData,
  type ProgramEmailTemplates,
} from '../../../plugin/notifications';
import type { DeliveryStatus } from '../../../plugin/contracts/admin-settings';
import type { Delivery, LastDelivery } from '../../../plugin/contracts/notifications';
import { invitationPath } from '../../../plugin/partners';
import { toCommissionRecord } from '../ledger/commission-record';
import { getPluginConfig, getService } from '../platform/plugin-context';
import type { RawRow } from '../platform/rows';
import { toPayoutRecord } from '../payouts/payout-record';
import { periodOf } from '../payouts/payout-view';
import { STATEMENT_PARTNER, toStatementPartner } from '../payouts/statements';
import { publicServerUrl } from '../platform/settings';

const COMMISSION = uid('commission');
const PARTNER = uid('partner');
const PAYOUT = uid('payout');
const PROGRAM = uid('program');

/** A partner an e-mail goes to, as `partnerOf` selects it. */
interface Recipient {
  id: number;
  name: string;
  email: string | null;
}

const toRecipient = (row: RawRow): Recipient => ({
  id: Number(row.id),
  name: String(row.name),
  email: (row.email as string | null | undefined) ?? null,
});

/** What the e-mails of a program read of it, as `programOf` selects it. */
interface ProgramMailing {
  id: number;
  name: string;
  notifyOnCommission: boolean;
  emailTemplates: ProgramEmailTemplates | null;
}

const toProgramMailing = (row: RawRow): ProgramMailing => ({
  id: Number(row.id),
  name: String(row.name),
  notifyOnCommission: Boolean(row.notifyOnCommission),
  emailTemplates: (row.emailTemplates as ProgramEmailTemplates | null | undefined) ?? null,
});

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

const NOT_ENABLED: Delivery = {
  mailed: false,
  mailError: 'e-mails are switched off (partners config notifications.enabled: false)',
};

const SWITCHED_OFF: Delivery = {
  mailed: false,
  mailError: 'this message is switched off in the program (program editor: E-mails)',
};

/** "j***@example.com": enough to find the message in a mail log, not a copy of the address. */
const maskEmail = (email: string) => email.replace(/^(.).*(@.*)$/, '$1***$2');

const streamToBuffer = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
};

/**
 * E-mails to partners (SPEC §10) through Strapi's email plugin, with whatever provider the host
 * configured. Templates live in plugin/notifications, one file each. Sending is best effort: a
 * failure (no SMTP server, a refused address) is logged and answered as a `Delivery` with its
 * reason, never thrown, so no payout, approval or job fails because an e-mail did not go out,
 * and the admin can say what happened. The last attempt is kept in memory, per node, for the
 * Settings page.
 */
const createNotificationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let lastDelivery: LastDelivery | null = null;

  const portalUrl = () => {
    const serverUrl = publicServerUrl(strapi);
    return serverUrl
      ? `${serverUrl.replace(/\/$/, '')}${getPluginConfig({ strapi }).portal.path}`
      : null;
  };

  const deliver = async (
    to: string,
    template: EmailContent,
    attachments: Attachment[] = [],
    programTemplates: ProgramEmailTemplates | null = null
  ): Promise<Delivery> => {
    const { notifications } = getPluginConfig({ strapi });
    if (!notifications.enabled) return NOT_ENABLED;
    if (isSwitchedOff(programTemplates, template)) return SWITCHED_OFF;
    let content = template;
    try {
      // The editors' subject/body for this template, the program's over the global one.
      content = await getService('email-templates', { strapi }).apply(template, programTemplates);
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to,
          ...(notifications.from ? { from: notifications.from } : {}),
          ...(notifications.replyTo ? { replyTo: notifications.replyTo } : {}),
          subject: content.subject,
          text: content.text,
          html: content.html,
          ...(attachments.length ? { attachments } : {}),
        });
      lastDelivery = { at: new Date().toISOString(), mailed: true, mailError: null };
      return { mailed: true, mailError: null };
    } catch (error) {
      const mailError = (error as Error)?.message || String(error);
      strapi.log.warn(
        `[partners] e-mail "${content.subject}" to ${maskEmail(to)} was not sent: ${mailError}`
      );
      lastDelivery = { at: new Date().toISOString(), mailed: false, mailError };
      return { mailed: false, mailError };
    }
  };
  /**
   * An invitation's accept link: on `server.url` when it is set, else on `origin` (the admin's
   * own request, when an editor copies the link), else the bare path. A mail never takes a
   * request's origin, which a stranger could choose through the Host header.
   */
  const invitationUrl = (token: string, origin?: string) =>
    invitationPath(
      portalUrl() ?? `${origin ?? ''}${getPluginConfig({ strapi }).portal.path}`,
      token
    );

  const send = async (to: string, template: EmailContent, attachments: Attachment[] = []) =>
    (await deliver(to, template, attachments)).mailed;

  const partnerOf = async (id: number) => {
    const row: RawRow | null = await strapi.db
      .query(PARTNER)
      .findOne({ where: { id }, select: ['id', 'name', 'email'] });
    return row ? toRecipient(row) : null;
  };
  const programOf = async (id: number) => {
    const row: RawRow | null = await strapi.db
      .query(PROGRAM)
      .findOne({ where: { id }, select: ['id', 'name', 'notifyOnCommission', 'emailTemplates'] });
    return row ? toProgramMailing(row) : null;
  };

  /** Loads a partner and a program, then sends; not mailed when either is gone. */
  const toPartnerAbout = async (
    partnerId: number,
    programId: number,
    template: (partner: Recipient, program: ProgramMailing) => EmailContent
  ): Promise<Delivery> => {
    const [partner, program] = await Promise.all([partnerOf(partnerId), programOf(programId)]);
    if (!partner?.email || !program) return { mailed: false, mailError: 'no partner or program' };
    return deliver(partner.email, template(partner, program), [], program.emailTemplates);
  };

  /** One partner's statement for a month and currency, with the PDF attached. */
  const monthlyStatement = async (partnerId: number, currency: string, month: string) => {
    const row: RawRow | null = await strapi.db.query(PARTNER).findOne({
      where: { id: partnerId },
      select: STATEMENT_PARTNER,
    });
    const partner = row ? toStatementPartner(row) : null;
    if (!partner?.email) return false;
    const statement = await getService('statements', { strapi }).compute(
      partnerId,
      currency,
      month
    );
    // The same PDF as the portal's, with referred contacts as the program lets the partner see them.
    const { document } = await getService('partner-statements', { strapi }).pdf(
      { id: partnerId, documentId: partner.documentId },
      month,
      currency
    );
    const pdf = await streamToBuffer(document);
    return send(
      partner.email,
      monthlyStatementEmail({
        partnerName: partner.name,
        month,
        currency,
        openingBalance: statement.openingBalance,
        earned: statement.totals.earned,
        deducted: statement.totals.deducted,
        paidOut: statement.totals.paidOut,
        closingBalance: statement.closingBalance,
        portalUrl: portalUrl(),
      }),
      [
        {
          filename: `statement-${month}-${currency}.pdf`,
          content: pdf,
          contentType: 'application/pdf',
        },
      ]
    );
  };

  return {
    send,

    /**
     * The email plugin's provider and the last e-mail this node tried to send (null before the
     * first). Strapi's default `sendmail` needs a mail transfer agent on the host: not a setup
     * for production, so it does not count as configured.
     */
    emailStatus(): DeliveryStatus['email'] {
      const config = strapi.config.get('plugin::email') as { provider?: unknown } | undefined;
      const provider = config?.provider ? String(config.provider) : null;
      return {
        provider,
        configured: provider !== null && provider.toLowerCase() !== 'sendmail',
        lastDelivery,
      };
    },

    applicationReceived: (partnerId: number, programId: number) =>
      toPartnerAbout(partnerId, programId, (partner, program) =>
        applicationReceivedEmail({ partnerName: partner.name, programName: program.name })
      ),

    applicationApproved: (partnerId: number, programId: number) =>
      toPartnerAbout(partnerId, programId, (partner, program) =>
        applicationApprovedEmail({
          partnerName: partner.name,
          programName: program.name,
          portalUrl: portalUrl(),
        })
      ),

    applicationRejected: (partnerId: number, programId: number, reason?: string | null) =>
      toPartnerAbout(partnerId, programId, (partner, program) =>
        applicationRejectedEmail({ partnerName: partner.name, programName: program.name, reason })
      ),

    /** The invitation carries the token in clear: call it right after creating the invitation. */
    invitation: (email: string, data: InvitationData) => deliver(email, invitationEmail(data)),

    // Partner lifecycle: the invitation link from its token, on the portal's public URL
    // (`server.url`, never a request's Host header, which a stranger could choose).
    invitationWithToken: (email: string, token: string, data: Omit<InvitationData, 'acceptUrl'>) =>
      deliver(email, invitationEmail({ ...data, acceptUrl: invitationUrl(token) })),

    invitationUrl,

    /** A new positive entry, for programs with `notifyOnCommission` only. */
    async commissionEarned(entryId: number) {
      const row: RawRow | null = await strapi.db
        .query(COMMISSION)
        .findOne({ where: { id: entryId } });
      const entry = row ? toCommissionRecord(row) : null;
      if (!entry?.partnerId || !entry.programId || entry.amount <= 0) return false;
      const program = await programOf(entry.programId);
      if (!program?.notifyOnCommission) return false;
      const delivery = await toPartnerAbout(entry.partnerId, program.id, (partner) =>
        commissionEarnedEmail({
          partnerName: partner.name,
          programName: program.name,
          amount: entry.amount,
          currency: entry.currency,
          summary: entry.explanation?.summary ?? null,
          availableAt: entry.availableAt,
        })
      );
      return delivery.mailed;
    },

    /** The notice of a change to a partner's payout methods; the answer says whether it went. */
    async payoutDetailsChanged(partnerId: number, change: string, at: Date): Promise<Delivery> {
      const partner = await partnerOf(partnerId);
      if (!partner?.email) return { mailed: false, mailError: 'the partner has no e-mail address' };
      return deliver(
        partner.email,
        payoutDetailsChangedEmail({
          partnerName: partner.name,
          change,
          at: at.toISOString(),
          portalUrl: portalUrl(),
        })
      );
    },

    /** Sent once a payout is paid. */
    async payoutSent(payoutId: number) {
      if (!getPluginConfig({ strapi }).notifications.enabled) return false;
      const row: RawRow | null = await strapi.db.query(PAYOUT).findOne({ where: { id: payoutId } });
      const payout = row ? toPayoutRecord(row) : null;
      if (payout?.state !== 'paid' || !payout.partnerId) return false;
      const partner = await partnerOf(payout.partnerId);
      if (!partner?.email) return false;
      return send(
        partner.email,
        payoutSentEmail({
          partnerName: partner.name,
          amount: payout.amount,
          currency: payout.currency,
          period: periodOf(payout),
          methodType: payout.method?.type ?? null,
          reference: payout.reference,
          portalUrl: portalUrl(),
        })
      );
    },

    monthlyStatement,

    /** Job: every partner with activity in `month` gets its statement (per currency). */
    async sendMonthlyStatements(month: string) {
      const pairs = await getService('statements', { strapi }).withActivity(month);
      let sent = 0;
      for (const { partnerId, currency } of pairs) {
        if (await monthlyStatement(partnerId, currency, month)) sent += 1;
      }
      return { partners: pairs.length, sent };
    },
  };
};

export type NotificationsService = ReturnType<typeof createNotificationsService>;
export default createNotificationsService;
