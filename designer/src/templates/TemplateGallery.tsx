import { localizedTemplate, type TemplateSummary } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { templateKeys, templatesApi } from './templatesApi';
import './templates.css';
import { LoadFailed } from '../ui/LoadFailed';

interface TemplateGalleryProps {
  onUse(template: TemplateSummary): void;
  /** Absent for users who may not edit: they get no delete buttons. */
  onDelete?(template: TemplateSummary): void;
}

/**
 * The saved templates as cards (each showing its category), with a category filter when there is more than one.
 * Everything shown, and the template handed to `onUse` and `onDelete`, is in the interface language where the
 * template has a translation for it.
 */
export function TemplateGallery({ onUse, onDelete }: TemplateGalleryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useCallback(
    (list: TemplateSummary[]) => list.map((template) => localizedTemplate(template, locale)),
    [locale],
  );
  const templates = useQuery({ queryKey: templateKeys.list(), queryFn: templatesApi.list, select: localized });
  const [category, setCategory] = useState<string | undefined>();

  if (templates.isPending) return <p className="empty-state">{t('templates.loading')}</p>;
  if (templates.isError) {
    return <LoadFailed title={t('templates.loadFailed')} error={templates.error} retry={templates.refetch} />;
  }
  if (templates.data.length === 0) return <p className="empty-state">{t('templates.empty')}</p>;

  // In the runtime's order (category, then name); templates without a category have no filter of their own.
  const categories = [...new Set(templates.data.flatMap((template) => template.category ?? []))];
  // A category deleted meanwhile shows everything again.
  const selected = category !== undefined && categories.includes(category) ? category : undefined;
  const shown = templates.data.filter((template) => selected === undefined || template.category === selected);
  return (
    <div className="template-gallery">
      {categories.length > 1 && (
        <fieldset className="template-filter">
          <legend className="visually-hidden">{t('templates.filter')}</legend>
          {[undefined, ...categories].map((option) => (
            <button
              key={option ?? '\u0000all'}
              type="button"
              aria-pressed={option === selected}
              onClick={() => setCategory(option)}
            >
              {option === undefined ? t('templates.allCategories') : option}
            </button>
          ))}
        </fieldset>
      )}
      <ul className="template-cards">
        {shown.map((template) => (
          <li key={template.id} className="template-card">
            <div className="template-card-heading">
              <h5>{template.name}</h5>
              {template.category && <span className="template-category">{template.category}</span>}
            </div>
            {template.description && <p className="template-description">{template.description}</p>}
            <p className="template-facts">
              {t('templates.steps', { count: template.nodeCount })} ·{' '}
              {t('templates.questions', { count: template.parameters.length })}
            </p>
            <div className="template-card-actions">
              <button
                type="button"
                className="secondary-button"
                aria-label={t('templates.useNamed', { name: template.name })}
                onClick={() => onUse(template)}
              >
                {t('templates.use')}
              </button>
              {onDelete && (
                <button
                  type="button"
                  className="link-button danger"
                  aria-label={t('templates.deleteNamed', { name: template.name })}
                  onClick={() => onDelete(template)}
                >
                  {t('templates.delete')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
