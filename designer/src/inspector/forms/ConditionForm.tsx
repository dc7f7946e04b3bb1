import type { ConditionConfig } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { uniqueId } from '../../store/documentOps';
import { ConditionEditor, emptyRule } from '../ConditionEditor';
import { TextField } from '../fields';
import type { ConfigFormProps } from './formProps';

type Branch = ConditionConfig['branches'][number];

export function ConditionForm({ config, onChange }: ConfigFormProps<'condition'>) {
  const { t } = useTranslation();
  const { branches } = config;
  const setBranch = (index: number, branch: Branch) =>
    onChange({ branches: branches.map((current, i) => (i === index ? branch : current)) });
  const addBranch = () => {
    // Branch ids name output handles; `else` is the catalog's fallback handle.
    const id = uniqueId('branch', new Set([...branches.map((branch) => branch.id), 'else']));
    const label = t('condition.newBranch', { number: branches.length + 1 });
    onChange({ branches: [...branches, { id, label, when: { all: [emptyRule] } }] });
  };
  return (
    <>
      <p className="field-hint">{t('condition.firstMatchWins')}</p>
      {branches.map((branch, index) => (
        <fieldset key={branch.id} className="card">
          <legend>{t('condition.branch', { number: index + 1 })}</legend>
          <TextField
            label={t('fields.label')}
            value={branch.label ?? ''}
            onChange={(label) => setBranch(index, { ...branch, label })}
          />
          <ConditionEditor value={branch.when} onChange={(when) => setBranch(index, { ...branch, when })} />
          <button
            type="button"
            className="link-button danger"
            disabled={branches.length === 1}
            onClick={() => onChange({ branches: branches.filter((_, i) => i !== index) })}
          >
            {t('condition.removeBranch')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary-button" onClick={addBranch}>
        + {t('condition.addBranch')}
      </button>
    </>
  );
}
