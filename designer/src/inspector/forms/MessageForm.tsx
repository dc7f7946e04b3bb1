import { channelLabels, channels } from '@journey/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreativeChoice } from '../../creatives/CreativeChoice';
import { useLocale } from '../../i18n';
import { FieldGroup, SelectField } from '../fields';
import { MessagePreview } from '../MessagePreview';
import type { ConfigFormProps } from './formProps';
import { type MessageText, MessageTextFields } from './MessageText';

/**
 * The channel, and the text: written here (`template`) or taken from the library (`creativeId`), never both in a
 * draft. Publishing copies the creative's text in, so a later edit of the creative leaves live versions alone.
 */
export function MessageForm({ config, onChange }: ConfigFormProps<'message'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { channel, creativeId } = config;
  // "From library" before a creative is chosen: the step keeps its own text until one is.
  const [choosing, setChoosing] = useState(false);
  const fromLibrary = creativeId !== undefined || choosing;
  const radioGroup = useId();
  const written = config.template ?? { body: '' };

  const write = (template: MessageText) => {
    setChoosing(false);
    onChange({ channel, template });
  };
  const choose = (id: string) => onChange({ channel, creativeId: id });

  return (
    <>
      <SelectField
        label={t('message.channel')}
        value={channel}
        options={channels.map((option) => ({ value: option, label: channelLabels[option][locale] }))}
        onChange={(option) => onChange({ ...config, channel: option })}
      />
      <FieldGroup legend={t('creatives.source')}>
        <div className="inline-controls message-source">
          {/* With a creative chosen, "Use a copy instead" is the way back, so its words are not lost. */}
          <label className="checkbox" title={creativeId === undefined ? undefined : t('creatives.writeHereHint')}>
            <input
              type="radio"
              name={radioGroup}
              checked={!fromLibrary}
              disabled={creativeId !== undefined}
              onChange={() => setChoosing(false)}
            />
            <span>{t('creatives.writeHere')}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name={radioGroup} checked={fromLibrary} onChange={() => setChoosing(true)} />
            <span>{t('creatives.fromLibrary')}</span>
          </label>
        </div>
      </FieldGroup>
      {fromLibrary ? (
        <CreativeChoice channel={channel} creativeId={creativeId} onChoose={choose} onCopy={write} />
      ) : (
        <>
          <MessageTextFields text={written} onChange={(template) => onChange({ channel, template })} />
          <MessagePreview {...written} />
        </>
      )}
    </>
  );
}
