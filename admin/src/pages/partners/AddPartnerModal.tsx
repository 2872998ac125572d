import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Modal,
  MultiSelect,
  MultiSelectOption,
  Typography,
} from '@strapi/design-system';
import { Mail } from '@strapi/icons';
import { useNavigate } from 'react-router-dom';
import type {
  CreatePartnerRequest,
  CreatePartnerResponse,
} from '../../../../plugin/contracts/admin';
import type { InviteResponse } from '../../../../plugin/contracts/partners';
import type { PartnerType } from '../../../../plugin/model';
import { partnerTypeOptions, useProgramOptions } from '../../components/Options';
import { pagePath } from '../../components/PartnersNav';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';
import { SelectField, TextField } from '../programs/inputs';
import { InvitationNotice, type InvitationOutcome } from './InvitationNotice';

type Form = Required<
  Pick<CreatePartnerRequest['data'], 'name' | 'email' | 'programs' | 'invite' | 'type'>
> & { company: string; website: string; tier: string; agreementVersion: string };

const EMPTY: Form = {
  name: '',
  email: '',
  company: '',
  website: '',
  type: 'affiliate',
  tier: '',
  agreementVersion: '',
  programs: [],
  invite: true,
};

type Added = CreatePartnerResponse['data'];

const toRequest = (form: Form): CreatePartnerRequest['data'] => ({
  name: form.name.trim(),
  email: form.email.trim(),
  company: form.company.trim() || null,
  website: form.website.trim() || null,
  type: form.type,
  tier: form.tier.trim() || null,
  agreementVersion: form.agreementVersion.trim() || null,
  programs: form.programs,
  invite: form.invite,
});

/** The partner just added: the invitation's outcome, or the offer to invite it now. */
const AddedPartner = ({ added, onInvited }: { added: Added; onInvited: (i: Added) => void }) => {
  const t = useT();
  const api = useAction();
  const invite = async () => {
    const invitation = await api.post<InviteResponse['data']>(
      `/partners/partners/${added.documentId}/invite`,
      {}
    );
    if (invitation) onInvited({ ...added, invitation });
  };
  const outcome: InvitationOutcome | null = added.invitation;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-added-partner={added.documentId}>
      {outcome ? (
        <InvitationNotice outcome={outcome} title={t('partners.add.done', { name: added.name })} />
      ) : (
        <Flex direction="column" alignItems="flex-start" gap={3}>
          <Typography>{t('partners.add.doneNoInvite', { name: added.name })}</Typography>
          <Button startIcon={<Mail />} onClick={invite}>
            {t('partner.access.invite')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
};

/**
 * "Add partner": a partner the editors know already (signed agreement, reseller contract),
 * approved at once in the chosen programs, then invited to the portal (now, or from here).
 */
export const AddPartnerModal = ({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) => {
  const t = useT();
  const api = useAction();
  const navigate = useNavigate();
  const programs = useProgramOptions();
  const [form, setForm] = React.useState<Form>(EMPTY);
  const [added, setAdded] = React.useState<Added | null>(null);
  const [busy, setBusy] = React.useState(false);
  React.useEffect(() => {
    if (open) {
      setForm(EMPTY);
      setAdded(null);
    }
  }, [open]);
  const set = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));
  const incomplete = !form.name.trim() || !form.email.trim() || form.programs.length === 0;

  const save = async () => {
    setBusy(true);
    const result = await api.post<Added>('/partners/partners', toRequest(form));
    setBusy(false);
    if (!result) return;
    setAdded(result);
    onAdded();
    if (!result.invitation) return;
    // A mailed invitation needs nothing more; one that was not mailed stays on screen.
    if (result.invitation.mailed) {
      api.notify(t('partners.add.mailed', { name: result.name, email: result.invitation.email }));
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('partners.add.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {added ? (
            <AddedPartner added={added} onInvited={setAdded} />
          ) : (
            <Grid.Root gap={4} data-form="add-partner">
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Typography textColor="neutral600">{t('partners.add.description')}</Typography>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="name"
                  label={t('partners.add.name')}
                  required
                  value={form.name}
                  onChange={(name) => set({ name })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="email"
                  label={t('partners.add.email')}
                  required
                  value={form.email}
                  onChange={(email) => set({ email })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="company"
                  label={t('partner.field.company')}
                  value={form.company}
                  onChange={(company) => set({ company })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="website"
                  label={t('partner.field.website')}
                  value={form.website}
                  onChange={(website) => set({ website })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <SelectField
                  name="type"
                  label={t('partner.field.type')}
                  value={form.type as PartnerType}
                  options={partnerTypeOptions(t)}
                  onChange={(type) => set({ type })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="tier"
                  label={t('partner.field.tier')}
                  hint={t('partner.field.tier.hint')}
                  value={form.tier}
                  onChange={(tier) => set({ tier })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name="programs"
                  required
                  hint={programs.length === 0 ? t('partners.add.noPrograms') : undefined}
                >
                  <Field.Label>{t('partners.add.programs')}</Field.Label>
                  <MultiSelect
                    value={form.programs}
                    onChange={(selected: string[]) => set({ programs: selected })}
                    placeholder={t('partners.add.programs.placeholder')}
                    withTags
                  >
                    {programs.map((program) => (
                      <MultiSelectOption key={program.value} value={program.value}>
                        {program.label}
                      </MultiSelectOption>
                    ))}
                  </MultiSelect>
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="agreementVersion"
                  label={t('partners.add.agreementVersion')}
                  hint={t('partners.add.agreementVersion.hint')}
                  value={form.agreementVersion}
                  onChange={(agreementVersion) => set({ agreementVersion })}
                />
              </Grid.Item>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Checkbox
                  name="invite"
                  checked={form.invite}
                  onCheckedChange={(checked) => set({ invite: checked === true })}
                >
                  {t('partners.add.invite')}
                </Checkbox>
              </Grid.Item>
            </Grid.Root>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{added ? t('actions.close') : t('actions.cancel')}</Button>
          </Modal.Close>
          {added ? (
            <Button
              variant="secondary"
              onClick={() => navigate(pagePath(`partners/${added.documentId}`))}
            >
              {t('partners.add.open')}
            </Button>
          ) : (
            <Button disabled={incomplete} loading={busy} onClick={save}>
              {t('partners.add.submit')}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
