import * as React from 'react';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import type { PartnerDetail, UpdatePartnerRequest } from '../../../../plugin/contracts/admin';
import type { PartnerType } from '../../../../plugin/model';
import { partnerTypeOptions } from '../../components/Options';
import { useAction } from '../../hooks/useAction';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { SelectField, TextField } from '../programs/inputs';

type Profile = NonNullable<UpdatePartnerRequest['data']>;

/** What editors keep about a partner: tier label, type, company, website, directory, notes. */
export const PartnerProfile = ({
  partner,
  onSaved,
}: {
  partner: PartnerDetail;
  onSaved: () => void;
}) => {
  const t = useT();
  const can = usePermissions();
  const api = useAction();
  const initial: Profile = {
    tier: partner.tier,
    type: partner.type ?? 'affiliate',
    company: partner.company,
    website: partner.website,
    notes: partner.notes,
  };
  const [profile, setProfile] = React.useState(initial);
  const set = (patch: Profile) => setProfile((current) => ({ ...current, ...patch }));
  const blank = (value: string) => (value.trim() === '' ? null : value);
  const dirty = JSON.stringify(profile) !== JSON.stringify(initial);

  const save = async () => {
    const saved = await api.put(
      `/partners/partners/${partner.documentId}`,
      profile,
      t('partner.saved')
    );
    if (saved !== undefined) onSaved();
  };

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-section="profile">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between">
          <Typography variant="delta" tag="h2">
            {t('partner.profile')}
          </Typography>
          {can.managePartners ? (
            <Button size="S" disabled={!dirty} onClick={save}>
              {t('actions.save')}
            </Button>
          ) : null}
        </Flex>
        <Grid.Root gap={5}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              name="tier"
              label={t('partner.field.tier')}
              hint={t('partner.field.tier.hint')}
              value={profile.tier ?? ''}
              onChange={(tier) => set({ tier: blank(tier) })}
            />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <SelectField
              name="type"
              label={t('partner.field.type')}
              value={(profile.type ?? 'affiliate') as PartnerType}
              options={partnerTypeOptions(t)}
              onChange={(type) => set({ type })}
            />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              name="company"
              label={t('partner.field.company')}
              value={profile.company ?? ''}
              onChange={(company) => set({ company: blank(company) })}
            />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              name="website"
              label={t('partner.field.website')}
              value={profile.website ?? ''}
              onChange={(website) => set({ website: blank(website) })}
            />
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <TextField
              name="notes"
              label={t('partner.field.notes')}
              hint={t('partner.field.notes.hint')}
              value={profile.notes ?? ''}
              onChange={(notes) => set({ notes: blank(notes) })}
            />
          </Grid.Item>
        </Grid.Root>
      </Flex>
    </Box>
  );
};
