import type { UpdateProfileConfig } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { FieldGroup, ParsedInput } from '../fields';
import { KeyValueRows } from '../KeyValueRows';
import { formatTags, parseTags } from '../scalars';
import { type ConfigFormProps, withOptional } from './formProps';

type TagKey = 'addTags' | 'removeTags';

export function UpdateProfileForm({ config, onChange }: ConfigFormProps<'updateProfile'>) {
  const { t } = useTranslation();
  const tagField = (key: TagKey) => (
    <FieldGroup legend={t(`updateProfile.${key}`)}>
      <ParsedInput
        aria-label={t(`updateProfile.${key}`)}
        placeholder={t('updateProfile.tagsPlaceholder')}
        value={config[key]}
        format={formatTags}
        parse={parseTags}
        onChange={(tags) => onChange(withOptional<UpdateProfileConfig, TagKey>(config, key, tags))}
      />
    </FieldGroup>
  );
  return (
    <>
      <FieldGroup legend={t('updateProfile.set')}>
        <KeyValueRows
          entries={Object.entries(config.set ?? {})}
          onChange={(entries) =>
            onChange(withOptional(config, 'set', entries.length > 0 ? Object.fromEntries(entries) : undefined))
          }
          newKey="attribute"
          labels={{
            key: t('updateProfile.attribute'),
            value: t('updateProfile.value'),
            remove: t('updateProfile.removeAttribute'),
            add: t('updateProfile.addAttribute'),
            empty: t('updateProfile.noAttributes'),
          }}
        />
      </FieldGroup>
      {tagField('addTags')}
      {tagField('removeTags')}
    </>
  );
}
