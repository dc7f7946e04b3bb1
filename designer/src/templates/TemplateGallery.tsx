import type { TemplateSummary } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../ui/ErrorDetails';
import { templateKeys, templatesApi } from './templatesApi';
import './templates.css';

interface TemplateGalleryProps {
  onUse(template: TemplateSummary): void;
  /** Absent for users who may not edit: they get no delete buttons. */
  onDelete?(template: TemplateSummary): void;
}

/** Templates in the order the runtime sorts them (category, then name), one group per category. */
function byCategory(templates: readonly TemplateSummary[]): Map<string | undefined, TemplateSummary[]> {
  const groups = new Map<string | undefined, TemplateSummary[]>();
  for (const template of templates) {
    groups.set(template.category, [...(groups.get(template.category) ?? []), template]);
  }
  return groups;
}

/** The saved templates as cards, grouped by category, with a filter when there is more than one category. */
export function TemplateGallery({ onUse, onDelete }: TemplateGalleryProps) {
  const { t } = useTranslation();
  const templates = useQuery({ queryKey: templateKeys.list(), queryFn: templatesApi.list });
  const [category, setCategory] = useState<string | undefined>();

  if (templates.isPending) return <p className="empty-state">{t('templates.loading')}</p>;
  if (templates.isError) {
    return (
      <div className="banner error" role="alert">
        <strong>{t('templates.loadFailed')}</strong>
        <ErrorDetails error={templates.error} />
        <button type="button" className="secondary-button" onClick={() => void templates.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (templates.data.length === 0) return <p className="empty-state">{t('templates.empty')}</p>;

  const groups = byCategory(templates.data);
  // A category deleted meanwhile shows everything again.
  const selected = category !== undefined && groups.has(category) ? category : undefined;
  const shown = selected === undefined ? [...groups.keys()] : [selected];
  return (
    <div className="template-gallery">
      {groups.size > 1 && (
        <fieldset className="template-filter">
          <legend className="visually-hidden">{t('templates.filter')}</legend>
          {[undefined, ...groups.keys()].map((option) => (
            <button
              key={option ?? '\u0000all'}
              type="button"
              className="chip"
              aria-pressed={option === selected}
              onClick={() => setCategory(option)}
            >
              {option === undefined ? t('templates.allCategories') : option}
            </button>
          ))}
        </fieldset>
      )}
      {shown.map((group) => (
        <section key={group ?? '\u0000none'} className="template-group" aria-label={group ?? t('templates.noCategory')}>
          {groups.size > 1 && <h4 className="template-group-title">{group ?? t('templates.noCategory')}</h4>}
          <ul className="template-cards">
            {groups.get(group)?.map((template) => (
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
        </section>
      ))}
    </div>
  );
}
