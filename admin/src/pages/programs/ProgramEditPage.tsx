import * as React from 'react';
import { Box, Button, Flex, Grid } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { BackButton, Page } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import type { ProgramView } from '../../../../plugin/contracts/admin';
import { pagePath } from '../../components/PartnersNav';
import { PluginPage } from '../../components/PluginPage';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useT } from '../../hooks/useT';
import { CommissionSection } from './CommissionSection';
import { EligibilitySection } from './EligibilitySection';
import { EmailSection } from './EmailSection';
import { FraudSection } from './FraudSection';
import { GeneralSection } from './GeneralSection';
import { LifecycleSection } from './LifecycleSection';
import { PartnerLinksSection } from './PartnerLinksSection';
import { PayoutTermsSection } from './PayoutTermsSection';
import { PreviewPanel } from './PreviewPanel';
import {
  fromView,
  newProgram,
  programInput,
  type ProgramForm,
  type ProgramPatch,
} from './programForm';
import { TiersSection } from './TiersSection';
import { TwoTierSection } from './TwoTierSection';
import { VisibilitySection } from './VisibilitySection';

const Editor = ({ initial, documentId }: { initial: ProgramForm; documentId: string | null }) => {
  const t = useT();
  const navigate = useNavigate();
  const can = usePermissions();
  const api = useAction();
  const [form, setForm] = React.useState(initial);
  const [saving, setSaving] = React.useState(false);
  const onChange = (patch: ProgramPatch) => setForm((current) => ({ ...current, ...patch }));
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);

  const save = async () => {
    setSaving(true);
    const body = programInput(form);
    const saved = documentId
      ? await api.put<ProgramView>(`/partners/programs/${documentId}`, body, t('programs.saved'))
      : await api.post<ProgramView>('/partners/programs', body, t('programs.created'));
    setSaving(false);
    if (saved && !documentId) navigate(pagePath(`programs/${saved.documentId}`), { replace: true });
  };

  return (
    <PluginPage
      title={documentId ? form.name || t('programs.untitled') : t('programs.new')}
      subtitle={documentId ? <StatusBadge status={initial.status} /> : t('programs.new.subtitle')}
      navigationAction={<BackButton fallback={pagePath('programs')} />}
      primaryAction={
        can.managePrograms ? (
          <Button
            startIcon={<Check />}
            onClick={save}
            loading={saving}
            disabled={!dirty && Boolean(documentId)}
          >
            {t('actions.save')}
          </Button>
        ) : undefined
      }
    >
      <Grid.Root gap={4}>
        <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
          <Flex direction="column" alignItems="stretch" gap={4}>
            <GeneralSection form={form} onChange={onChange} isNew={!documentId} />
            <CommissionSection form={form} onChange={onChange} />
            {form.tierMode === 'two-tier' ? (
              <TwoTierSection form={form} onChange={onChange} />
            ) : null}
            <TiersSection form={form} onChange={onChange} />
            <LifecycleSection form={form} onChange={onChange} />
            <EligibilitySection form={form} onChange={onChange} />
            <FraudSection form={form} onChange={onChange} />
            <VisibilitySection form={form} onChange={onChange} />
            <PartnerLinksSection form={form} onChange={onChange} />
            <PayoutTermsSection form={form} onChange={onChange} documentId={documentId} />
            <EmailSection form={form} onChange={onChange} />
          </Flex>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Box position="sticky" top={4} width="100%">
            {can.managePrograms ? <PreviewPanel form={form} /> : null}
          </Box>
        </Grid.Item>
      </Grid.Root>
    </PluginPage>
  );
};

/** `programs/new` creates; `programs/:documentId` edits every rule of a program. */
export const ProgramEditPage = () => {
  const { id = 'new' } = useParams<{ id: string }>();
  const isNew = id === 'new';
  const { data, error, isLoading } = useApi<ProgramView>(isNew ? null : `/partners/programs/${id}`);
  if (isNew) return <Editor initial={newProgram()} documentId={null} />;
  if (error) return <Page.Error />;
  if (isLoading || !data) return <Page.Loading />;
  return <Editor key={data.updatedAt} initial={fromView(data)} documentId={data.documentId} />;
};
