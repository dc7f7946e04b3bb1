import { can, type Permission, permissions, type Role } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';

/** What a role may do beyond signing in: the permissions the runtime checks, as the shared grants give them. */
type Ability = Exclude<Permission, 'public' | 'authenticated'>;

const abilities = permissions.filter(
  (permission): permission is Ability => permission !== 'public' && permission !== 'authenticated',
);

export const abilitiesOf = (role: Role): Ability[] => abilities.filter((ability) => can(role, ability));

/** A role's name and, in plain words, what its holder may do ("May see journeys… and edit segments."). */
export function useRoleText(): { name(role: Role): string; explanation(role: Role): string } {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    name: (role) => t(`settingsPage.access.roles.${role}`),
    explanation: (role) => {
      const granted = abilitiesOf(role);
      if (granted.length === abilities.length) return t('settingsPage.access.mayDoEverything');
      return t('settingsPage.access.mayDo', {
        // The permissions' own names are the keys; their colon is no namespace here.
        abilities: list.format(
          granted.map((ability) => t(`settingsPage.access.abilities.${ability}`, { nsSeparator: false })),
        ),
      });
    },
  };
}
