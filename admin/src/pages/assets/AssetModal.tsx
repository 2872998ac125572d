import * as React from 'react';
import {
  Button,
  Field,
  Flex,
  Grid,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import type { AssetView, CreateAssetRequest } from '../../../../plugin/contracts/admin';
import { ASSET_TYPES } from '../../../../plugin/model';
import { FileUpload } from '../../components/FileUpload';
import { usePrograms } from '../../components/Options';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../hooks/useT';
import { TextField } from '../programs/inputs';

type AssetForm = CreateAssetRequest['data'] & { fileName?: string | null };

const fromAsset = (
  asset: AssetView | null,
  programs: Array<{ slug: string; documentId: string }>
): AssetForm => ({
  title: asset?.title ?? '',
  description: asset?.description ?? null,
  type: asset?.type ?? 'banner',
  url: asset?.url ?? null,
  file: asset?.file?.id ?? null,
  fileName: asset?.file?.name ?? null,
  program: asset?.program
    ? (programs.find((p) => p.slug === asset.program?.slug)?.documentId ?? null)
    : null,
});

/** Creates or edits a marketing asset: a banner, logo, copy text or guide, per program or for all. */
export const AssetModal = ({
  asset,
  open,
  onClose,
  onSaved,
}: {
  asset: AssetView | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const t = useT();
  const api = useAction();
  const { data: programs } = usePrograms();
  const [form, setForm] = React.useState<AssetForm>(fromAsset(asset, programs ?? []));
  React.useEffect(() => {
    if (open) setForm(fromAsset(asset, programs ?? []));
  }, [open, asset, programs]);
  const set = (patch: Partial<AssetForm>) => setForm((current) => ({ ...current, ...patch }));

  const save = async () => {
    const { fileName: _fileName, ...fields } = form;
    const body = { ...fields, title: form.title.trim() };
    const saved = asset
      ? await api.put(`/partners/assets/${asset.documentId}`, body, t('assets.saved'))
      : await api.post('/partners/assets', body, t('assets.created'));
    if (saved !== undefined) {
      onSaved();
      onClose();
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{asset ? t('assets.edit') : t('assets.create')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Grid.Root gap={4}>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <TextField
                name="title"
                label={t('assets.field.title')}
                required
                value={form.title}
                onChange={(title) => set({ title })}
              />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name="type">
                <Field.Label>{t('assets.field.type')}</Field.Label>
                <SingleSelect
                  value={form.type}
                  onChange={(type) => set({ type: type as AssetForm['type'] })}
                >
                  {ASSET_TYPES.map((type) => (
                    <SingleSelectOption key={type} value={type}>
                      {t(`assets.type.${type}`)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name="program" hint={t('assets.field.program.hint')}>
                <Field.Label>{t('assets.field.program')}</Field.Label>
                <SingleSelect
                  value={form.program ?? ''}
                  onChange={(program) => set({ program: program ? String(program) : null })}
                >
                  <SingleSelectOption value="">{t('assets.allPrograms')}</SingleSelectOption>
                  {(programs ?? []).map((program) => (
                    <SingleSelectOption key={program.documentId} value={program.documentId}>
                      {program.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Flex direction="column" alignItems="stretch" gap={1}>
                <FileUpload
                  use="asset"
                  label={t('assets.field.file')}
                  hint={t('assets.field.file.hint')}
                  onUploaded={(file) => set({ file: file.id, fileName: file.name })}
                />
                {form.file ? (
                  <Flex gap={2} data-asset-file>
                    <Typography>{form.fileName ?? `#${form.file}`}</Typography>
                    <Button
                      variant="ghost"
                      size="S"
                      onClick={() => set({ file: null, fileName: null })}
                    >
                      {t('actions.remove')}
                    </Button>
                  </Flex>
                ) : null}
              </Flex>
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <TextField
                name="url"
                label={t('assets.field.url')}
                hint={t('assets.field.url.hint')}
                value={form.url ?? ''}
                onChange={(url) => set({ url: url.trim() === '' ? null : url.trim() })}
              />
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Field.Root name="description" hint={t('assets.field.description.hint')}>
                <Field.Label>{t('assets.field.description')}</Field.Label>
                <Textarea
                  value={form.description ?? ''}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                    set({ description: event.target.value === '' ? null : event.target.value })
                  }
                />
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('actions.cancel')}</Button>
          </Modal.Close>
          <Flex>
            <Button disabled={form.title.trim() === ''} onClick={save}>
              {t('actions.save')}
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
