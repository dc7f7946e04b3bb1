import type { MessageConfig } from '@journey/shared';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../fields';
import { sampleProfiles } from '../templatePreview';
import { withOptional } from './formProps';

/** A message's words: an optional title and the body, with `{{profile.x}}` placeholders. */
export type MessageText = NonNullable<MessageConfig['template']>;

/** Title and body, with buttons that insert a profile attribute at the caret (message steps and the library). */
export function MessageTextFields({ text, onChange }: { text: MessageText; onChange(text: MessageText): void }) {
  const { t } = useTranslation();
  const setBody = (body: string) => onChange({ ...text, body });

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
    const start = bodyRef.current?.selectionStart ?? text.body.length;
    const end = bodyRef.current?.selectionEnd ?? start;
    caret.current = start + token.length;
    setBody(text.body.slice(0, start) + token + text.body.slice(end));
  };

  return (
    <>
      <TextField
        label={t('message.title')}
        hint={t('message.titleHint')}
        value={text.title ?? ''}
        onChange={(title) => onChange(withOptional(text, 'title', title || undefined))}
      />
      <Field label={t('message.body')}>
        <textarea ref={bodyRef} rows={5} value={text.body} onChange={(event) => setBody(event.target.value)} />
      </Field>
      <fieldset className="attribute-buttons">
        <legend className="field-hint">{t('message.insertAttribute')}</legend>
        {Object.keys(sampleProfiles.en).map((attribute) => (
          <button key={attribute} type="button" className="chip" onClick={() => insert(attribute)}>
            {attribute}
          </button>
        ))}
      </fieldset>
    </>
  );
}
