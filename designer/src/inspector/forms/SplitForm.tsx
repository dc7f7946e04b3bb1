import type { SplitConfig } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { uniqueId } from '../../store/documentOps';
import { NumberInput } from '../fields';
import type { ConfigFormProps } from './formProps';

type Variant = SplitConfig['variants'][number];

/** The next free letter (A, B, C…) as a variant id, since strategists talk about "variant C". */
function nextVariantId(variants: readonly Variant[]): string {
  const taken = new Set(variants.map((variant) => variant.id));
  const letter = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((candidate) => !taken.has(candidate));
  return letter ?? uniqueId('variant', taken);
}

/** Whole-number weights as equal as possible, summing to exactly 100. */
function evenWeights(count: number): number[] {
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 100 - base * count ? 1 : 0));
}

export function SplitForm({ config, onChange }: ConfigFormProps<'split'>) {
  const { t } = useTranslation();
  const { variants } = config;
  const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
  // Fractional weights may add up to 99.99999999999999; the validator allows the same tolerance.
  const sumsTo100 = Math.abs(total - 100) < 1e-9;
  const setVariants = (next: Variant[]) => onChange({ ...config, variants: next });
  const setVariant = (index: number, patch: Partial<Variant>) =>
    setVariants(variants.map((variant, i) => (i === index ? { ...variant, ...patch } : variant)));
  const setControl = (index: number, on: boolean) =>
    // One control group: ticking a variant makes it the control instead of any other.
    setVariants(
      variants.map(({ control: _previous, ...variant }, i) =>
        on && i === index ? { ...variant, control: true } : variant,
      ),
    );
  const addVariant = () => {
    const id = nextVariantId(variants);
    setVariants([...variants, { id, label: id, weight: 0 }]);
  };
  const balance = () => {
    const weights = evenWeights(variants.length);
    setVariants(variants.map((variant, i) => ({ ...variant, weight: weights[i] ?? 0 })));
  };
  return (
    <>
      <table className="variants">
        <thead>
          <tr>
            <th>{t('split.variant')}</th>
            <th>{t('split.weight')}</th>
            <th>{t('split.control')}</th>
            <th>
              <span className="visually-hidden">{t('split.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {variants.map((variant, index) => (
            <tr key={variant.id}>
              <td>
                <input
                  aria-label={t('split.variantLabel', { id: variant.id })}
                  value={variant.label ?? ''}
                  onChange={(event) => setVariant(index, { label: event.target.value })}
                />
              </td>
              <td>
                <NumberInput
                  aria-label={t('split.variantWeight', { id: variant.id })}
                  integer={false}
                  min={0}
                  max={100}
                  value={variant.weight}
                  onChange={(weight) => setVariant(index, { weight })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('split.variantControl', { id: variant.id })}
                  checked={variant.control === true}
                  onChange={(event) => setControl(index, event.target.checked)}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('split.removeVariant', { id: variant.id })}
                  title={t('split.removeVariant', { id: variant.id })}
                  disabled={variants.length <= 2}
                  onClick={() => setVariants(variants.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={sumsTo100 ? 'weights-total ok' : 'weights-total warning'} role="status">
        {t('split.total', { total: Number(total.toFixed(2)) })}
        {!sumsTo100 && ` · ${t('split.mustSumTo100')}`}
      </p>
      <div className="inline-controls">
        <button type="button" className="secondary-button" onClick={addVariant}>
          + {t('split.addVariant')}
        </button>
        <button type="button" className="secondary-button" onClick={balance}>
          {t('split.balance')}
        </button>
      </div>
      <p className="field-hint">{t('split.hint')}</p>
    </>
  );
}
