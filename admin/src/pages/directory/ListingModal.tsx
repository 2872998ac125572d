import * as React from 'react';
import { Button, Field, Flex, Grid, Modal, Textarea, Typography } from '@strapi/design-system';
import { useStrapiApp } from '@strapi/strapi/admin';
import type { AdminListing, DraftListingRequest } from '../../../../plugin/contracts/directory';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';
import { TextField } from '../programs/inputs';

type Draft = NonNullable<DraftListingRequest['data']>;
type Picked = { id: number; url: string; name: string };
type MediaDialog = React.ComponentType<{
  onClose: () => void;
  onSelectAssets: (assets: Picked[]) => void;
  allowedTypes: string[];
  multiple: boolean;
}>;

const listOf = (text: string) =>
  text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);

/**
 * An editor writes the draft of a listing; saving sends it to the partner for approval. The
 * logo is picked from the media library.
 */
export const ListingModal = ({
  listing,
  onClose,
  onSaved,
}: {
  listing: AdminListing | null;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const t = useT();
  const api = useAction();
  const components = useStrapiApp('ListingModal', (state) => state.components);
  const MediaLibraryDialog = components['media-library'] as MediaDialog | undefined;
  const [picking, setPicking] = React.useState(false);
  const [name, setName] = React.useState('');
  const [description, setDescription] = React.useState('');
  const [services, setServices] = React.useState('');
  const [regions, setRegions] = React.useState('');
  const [website, setWebsite] = React.useState('');
  const [logo, setLogo] = React.useState<Picked | null>(null);
  React.useEffect(() => {
    if (!listing) return;
    setName(listing.name);
    setDescription(listing.description);
    setServices(listing.services.join(', '));
    setRegions(listing.regions.join(', '));
    setWebsite(listing.website ?? '');
    setLogo(listing.logo);
  }, [listing]);

  const save = async () => {
    if (!listing) return;
    const data: Draft = {
      name: name.trim(),
      description: description.trim(),
      services: listOf(services),
      regions: listOf(regions),
      website: website.trim() || null,
      logo: logo?.id ?? null,
    };
    const saved = await api.put(
      `/partners/directory/listings/${listing.documentId}`,
      data,
      t('directory.drafted')
    );
    if (saved !== undefined) {
      onSaved();
      onClose();
    }
  };

  return (
    <Modal.Root open={listing !== null} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('directory.edit', { name: listing?.partner?.name ?? '' })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Grid.Root gap={4}>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <TextField
                name="name"
                label={t('directory.field.name')}
                required
                value={name}
                onChange={setName}
              />
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Field.Root name="description" required>
                <Field.Label>{t('directory.field.description')}</Field.Label>
                <Textarea
                  value={description}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                    setDescription(event.target.value)
                  }
                />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <TextField
                name="services"
                label={t('directory.field.services')}
                hint={t('directory.field.list.hint')}
                value={services}
                onChange={setServices}
              />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <TextField
                name="regions"
                label={t('directory.field.regions')}
                hint={t('directory.field.list.hint')}
                value={regions}
                onChange={setRegions}
              />
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <TextField
                name="website"
                label={t('directory.field.website')}
                value={website}
                onChange={setWebsite}
              />
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="flex-start">
              <Typography variant="pi" fontWeight="bold">
                {t('directory.field.logo')}
              </Typography>
              <Flex gap={2} paddingTop={1}>
                {logo ? (
                  <img src={logo.url} alt={logo.name} style={{ maxHeight: 48, maxWidth: 160 }} />
                ) : (
                  <Typography variant="pi">{t('directory.noLogo')}</Typography>
                )}
                {MediaLibraryDialog && (
                  <Button variant="secondary" onClick={() => setPicking(true)}>
                    {t('directory.pickLogo')}
                  </Button>
                )}
                {logo && (
                  <Button variant="tertiary" onClick={() => setLogo(null)}>
                    {t('directory.removeLogo')}
                  </Button>
                )}
              </Flex>
            </Grid.Item>
          </Grid.Root>
          {picking && MediaLibraryDialog && (
            <MediaLibraryDialog
              allowedTypes={['images']}
              multiple={false}
              onClose={() => setPicking(false)}
              onSelectAssets={(assets) => {
                if (assets[0]) setLogo(assets[0]);
                setPicking(false);
              }}
            />
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('actions.cancel')}</Button>
          </Modal.Close>
          <Button disabled={name.trim() === '' || description.trim() === ''} onClick={save}>
            {t('directory.saveDraft')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
