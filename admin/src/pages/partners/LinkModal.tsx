import * as React from 'react';
import {
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import type { AdminLinkView, ProgramRef } from '../../../../plugin/contracts/admin';
import { useT } from '../../hooks/useT';
import { TextField } from '../programs/inputs';

/** What the modal sends: a new link names its program; an edit changes code, label and path. */
export interface LinkFields {
  program: string;
  code: string;
  label: string;
  path: string;
}

/** `null`: closed; `'new'`: adding; a link: editing it. */
export type LinkEditing = AdminLinkView | 'new' | null;

/** Adds a link in one of the partner's programs, or edits a link's code, label and deep path. */
export const LinkModal = ({
  editing,
  programs,
  onClose,
  onSave,
}: {
  editing: LinkEditing;
  programs: ProgramRef[];
  onClose: () => void;
  onSave: (fields: LinkFields) => Promise<boolean>;
}) => {
  const t = useT();
  const [fields, setFields] = React.useState<LinkFields>({
    program: '',
    code: '',
    label: '',
    path: '',
  });
  React.useEffect(() => {
    const link = editing === 'new' ? null : editing;
    setFields({
      program: link?.program?.slug ?? programs[0]?.slug ?? '',
      code: link?.code ?? '',
      label: link?.label ?? '',
      path: link?.path ?? '',
    });
  }, [editing, programs]);
  const set = (patch: Partial<LinkFields>) => setFields((previous) => ({ ...previous, ...patch }));
  const isNew = editing === 'new';
  return (
    <Modal.Root open={editing !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {editing !== null ? (
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>{t(isNew ? 'partner.links.add' : 'partner.links.edit')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {isNew ? (
                <Field.Root name="program">
                  <Field.Label>{t('table.program')}</Field.Label>
                  <SingleSelect
                    value={fields.program}
                    onChange={(program) => set({ program: String(program) })}
                  >
                    {programs.map((program) => (
                      <SingleSelectOption key={program.slug} value={program.slug}>
                        {program.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              ) : (
                <Typography textColor="neutral600">
                  {t('partner.links.editHint', { program: editing.program?.name ?? '' })}
                </Typography>
              )}
              <TextField
                name="code"
                label={t('table.code')}
                hint={t(isNew ? 'partner.links.code.hintNew' : 'partner.links.code.hint')}
                value={fields.code}
                onChange={(code) => set({ code })}
              />
              <TextField
                name="label"
                label={t('table.label')}
                value={fields.label}
                placeholder={t('partner.links.label.placeholder')}
                onChange={(label) => set({ label })}
              />
              <TextField
                name="path"
                label={t('table.path')}
                hint={t('partner.links.path.hint')}
                value={fields.path}
                placeholder="/pricing"
                onChange={(path) => set({ path })}
              />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('actions.cancel')}</Button>
            </Modal.Close>
            <Button
              disabled={isNew && !fields.program}
              onClick={async () => {
                if (await onSave(fields)) onClose();
              }}
            >
              {t(isNew ? 'partner.links.add' : 'actions.save')}
            </Button>
          </Modal.Footer>
        </Modal.Content>
      ) : null}
    </Modal.Root>
  );
};
