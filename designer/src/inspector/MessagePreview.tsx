import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { renderPreview } from './templatePreview';

/** Message text as a sample customer would read it; placeholders the sample data cannot fill are marked. */
export function MessagePreview({ title, body }: { title?: string; body: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <figure className="message-preview">
      <figcaption className="field-label">{t('message.preview')}</figcaption>
      <div className="message-bubble">
        {title && <strong>{title}</strong>}
        <p>
          {renderPreview(body, locale).map((part, index) =>
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
  );
}
