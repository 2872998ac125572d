import { Link as RouterLink } from 'react-router-dom';
import { Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import { CheckCircle } from '@strapi/icons';
import type { Overview } from '../../../../plugin/contracts/admin';
import { pagePath } from '../../components/PartnersNav';
import { useT } from '../../hooks/useT';

/** The first steps, in order, each with the page where it is taken. */
const STEPS = [
  { id: 'program', done: 'hasProgram', to: 'programs/new' },
  { id: 'partner', done: 'hasPartner', to: 'partners' },
  { id: 'links', done: 'hasClick', to: 'partners' },
] as const;

/** What to do first on an empty plugin: shown on the Overview while a first step is missing. */
export const FirstRun = ({ setup }: { setup: Overview['setup'] }) => {
  const t = useT();
  if (STEPS.every((step) => setup[step.done])) return null;
  return (
    <Box
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={6}
      data-first-run
      aria-labelledby="first-run-title"
      tag="section"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2" id="first-run-title">
            {t('overview.firstRun.title')}
          </Typography>
          <Typography textColor="neutral600">{t('overview.firstRun.intro')}</Typography>
        </Flex>
        <Flex direction="column" alignItems="stretch" gap={3} tag="ol">
          {STEPS.map((step, index) => {
            const done = setup[step.done];
            return (
              <Flex
                key={step.id}
                tag="li"
                gap={4}
                justifyContent="space-between"
                data-step={step.id}
              >
                <Flex gap={3} alignItems="flex-start">
                  {done ? (
                    <CheckCircle fill="success600" width="2rem" height="2rem" aria-hidden />
                  ) : (
                    <Box width="2rem" textAlign="center">
                      <Typography variant="omega" fontWeight="bold" textColor="primary600">
                        {index + 1}
                      </Typography>
                    </Box>
                  )}
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Typography fontWeight="bold" textColor={done ? 'neutral500' : 'neutral800'}>
                      {t(`overview.firstRun.${step.id}.title`)}
                      {done ? ` — ${t('overview.firstRun.done')}` : ''}
                    </Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {t(`overview.firstRun.${step.id}.text`)}
                    </Typography>
                  </Flex>
                </Flex>
                {done ? null : (
                  <LinkButton tag={RouterLink} to={pagePath(step.to)} variant="secondary" size="S">
                    {t(`overview.firstRun.${step.id}.action`)}
                  </LinkButton>
                )}
              </Flex>
            );
          })}
        </Flex>
      </Flex>
    </Box>
  );
};
