/**
 * E-mail templates (SPEC §10), one file each: plain data in, `{ subject, text, html }` out.
 * Edit the wording in the template's file; the notifications service only fills and sends them.
 */
export { emailContent, monthName, type EmailContent, type EmailParts } from './email-content';
export { applicationReceivedEmail, type ApplicationData } from './application-received';
export { applicationApprovedEmail } from './application-approved';
export { applicationRejectedEmail } from './application-rejected';
export { invitationEmail, type InvitationData } from './invitation';
export { possessive } from './possessive';
export { commissionEarnedEmail, type CommissionEarnedData } from './commission-earned';
export { payoutSentEmail, type PayoutSentData } from './payout-sent';
export { payoutDetailsChangedEmail, type PayoutDetailsChangedData } from './payout-details-changed';
export { monthlyStatementEmail, type MonthlyStatementData } from './monthly-statement';
export {
  applyTemplateOverride,
  EMAIL_TEMPLATE_NAMES,
  isEmailTemplateName,
  placeholdersIn,
  templateDescription,
  templateExample,
  templatePlaceholders,
  templateSample,
  type EmailTemplateName,
  type TemplateOverride,
} from './templates';
export {
  isProgramTemplateName,
  isSwitchable,
  isSwitchedOff,
  layeredOverride,
  programOverrideOf,
  programTemplatePreview,
  PROGRAM_TEMPLATE_NAMES,
  SWITCHABLE_TEMPLATE_NAMES,
  type LayeredOverride,
  type ProgramEmailTemplates,
  type ProgramTemplateName,
  type ProgramTemplateOverride,
  type TemplateSource,
} from './program-templates';
