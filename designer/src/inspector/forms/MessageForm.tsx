import { channelLabels, channels } from '@journey/shared';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { Field, SelectField, TextField } from '../fields';
import { renderPreview, sampleProfiles } from '../templatePreview';
import { type ConfigFormProps, withOptional } from './formProps';

export function MessageForm({ config, onChange }: ConfigFormProps<'message'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { template } = config;
  const setBody = (body: string) => onChange({ ...config, template: { ...template, body } });

  // After inserting an attribute, put the caret after it (React would otherwise move it to the end).
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    if (caret.current === undefined || !bodyRef.current) return;
    bodyRef.current.focus();
    bodyRef.current.setSelectionRange(caret.current, caret.current);
    caret.current = undefined;
  });
  const insert = (attribute: string) => {
    const token = `{{profile.${attribute}}}`;
    const start = bodyRef.current?.selectionStart ?? template.body.length;
    const end = bodyRef.current?.selectionEnd ?? start;
    caret.current = start + token.length;
    setBody(template.body.slice(0, start) + token + template.body.slice(end));
  };

  return (
    <>
      <SelectField
        label={t('message.channel')}
        value={config.channel}
        options={channels.map((channel) => ({ value: channel, label: channelLabels[channel][locale] }))}
        onChange={(channel) => onChange({ ...config, channel })}
      />
      <TextField
        label={t('message.title')}
        hint={t('message.titleHint')}
        value={template.title ?? ''}
        onChange={(title) => onChange({ ...config, template: withOptional(template, 'title', title || undefined) })}
      />
      <Field label={t('message.body')}>
        <textarea ref={bodyRef} rows={5} value={template.body} onChange={(event) => setBody(event.target.value)} />
      </Field>
      <fieldset className="attribute-buttons">
        <legend className="field-hint">{t('message.insertAttribute')}</legend>
        {Object.keys(sampleProfiles.en).map((attribute) => (
          <button key={attribute} type="button" className="chip" onClick={() => insert(attribute)}>
            {attribute}
          </button>
        ))}
      </fieldset>
      <figure className="message-preview">
        <figcaption className="field-label">{t('message.preview')}</figcaption>
        <div className="message-bubble">
          {template.title && <strong>{template.title}</strong>}
          <p>
            {renderPreview(template.body, locale).map((part, index) =>
              part.unresolved ? (
                // Parts are re-derived from the text on every render; their position is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <mark key={index} title={t('message.unresolved')}>
                  {part.text}
                </mark>
              ) : (
                part.text
              ),
            )}
          </p>
        </div>
      </figure>
    </>
  );
}
