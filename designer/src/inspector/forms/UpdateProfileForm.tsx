import type { Scalar, UpdateProfileConfig } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { uniqueId } from '../../store/documentOps';
import { FieldGroup, type Parsed, ParsedInput } from '../fields';
import { formatScalar, scalarInput } from '../scalars';
import { type ConfigFormProps, withOptional } from './formProps';

type TagKey = 'addTags' | 'removeTags';

const formatTags = (tags: string[] | undefined) => (tags ?? []).join(', ');
const parseTags = (text: string): Parsed<string[] | undefined> => {
  const tags = text
    .split(/[,，]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return { ok: true, value: tags.length > 0 ? tags : undefined };
};

export function UpdateProfileForm({ config, onChange }: ConfigFormProps<'updateProfile'>) {
  const { t } = useTranslation();
  const entries = Object.entries(config.set ?? {});
  const setEntries = (next: Array<[string, Scalar]>) =>
    onChange(withOptional(config, 'set', next.length > 0 ? Object.fromEntries(next) : undefined));
  const setEntry = (index: number, entry: [string, Scalar]) =>
    setEntries(entries.map((current, i) => (i === index ? entry : current)));
  const addEntry = () => setEntries([...entries, [uniqueId('attribute', new Set(Object.keys(config.set ?? {}))), '']]);
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
        {entries.length === 0 && <span className="field-hint">{t('updateProfile.noAttributes')}</span>}
        {entries.map(([key, value], index) => (
          // Rows are keyed by position: the attribute name itself is what the user is editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={index} className="inline-controls">
            <input
              aria-label={t('updateProfile.attribute')}
              placeholder={t('updateProfile.attribute')}
              value={key}
              onChange={(event) => setEntry(index, [event.target.value, value])}
            />
            <span className="muted">=</span>
            <ParsedInput<Scalar>
              aria-label={t('updateProfile.value')}
              placeholder={t('updateProfile.value')}
              value={value}
              format={formatScalar}
              parse={scalarInput}
              onChange={(next) => setEntry(index, [key, next])}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t('updateProfile.removeAttribute')}
              title={t('updateProfile.removeAttribute')}
              onClick={() => setEntries(entries.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </div>
        ))}
        <button type="button" className="link-button" onClick={addEntry}>
          + {t('updateProfile.addAttribute')}
        </button>
      </FieldGroup>
      {tagField('addTags')}
      {tagField('removeTags')}
    </>
  );
}
