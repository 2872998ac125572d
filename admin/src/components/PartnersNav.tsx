import { Divider } from '@strapi/design-system';
import { SubNav } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';
import { usePermissions } from '../hooks/usePermissions';
import { useT } from '../hooks/useT';
import type { Ability } from '../permissions';

/** Where each page lives under /admin/plugins/partners, and who may open it. */
export const SECTIONS: Array<{
  id: string;
  links: Array<{ id: string; to: string; ability: Ability }>;
}> = [
  { id: 'analytics', links: [{ id: 'overview', to: '', ability: 'read' }] },
  {
    id: 'network',
    links: [
      { id: 'programs', to: 'programs', ability: 'read' },
      { id: 'partners', to: 'partners', ability: 'read' },
      { id: 'directory', to: 'directory', ability: 'managePartners' },
      { id: 'referrals', to: 'referrals', ability: 'read' },
    ],
  },
  {
    id: 'money',
    links: [
      { id: 'orders', to: 'orders', ability: 'read' },
      { id: 'commissions', to: 'commissions', ability: 'read' },
      { id: 'payouts', to: 'payouts', ability: 'managePayouts' },
      { id: 'stripe-events', to: 'stripe-events', ability: 'manageStripeEvents' },
    ],
  },
  {
    id: 'configuration',
    links: [
      { id: 'assets', to: 'assets', ability: 'managePrograms' },
      { id: 'settings', to: 'settings', ability: 'manageSettings' },
    ],
  },
];

export const pagePath = (to: string) => `/plugins/${PLUGIN_ID}${to ? `/${to}` : ''}`;

/** The plugin's side navigation, like Settings' and the Content Manager's. */
export const PartnersNav = () => {
  const t = useT();
  const can = usePermissions();
  return (
    <SubNav.Main aria-label={t('plugin.name')}>
      <SubNav.Header label={t('plugin.name')} />
      <Divider />
      <SubNav.Content>
        <SubNav.Sections>
          {SECTIONS.map((section) => {
            const links = section.links.filter((link) => can[link.ability]);
            if (links.length === 0) return null;
            return (
              <SubNav.Section key={section.id} label={t(`nav.${section.id}`)}>
                {links.map((link) => (
                  <SubNav.Link
                    key={link.id}
                    to={pagePath(link.to)}
                    end={link.to === ''}
                    label={t(`nav.${link.id}`)}
                  >
                    {t(`nav.${link.id}`)}
                  </SubNav.Link>
                ))}
              </SubNav.Section>
            );
          })}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
