import { type Channel, type Creative, channelLabels, creativeContentOf } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLocale } from '../i18n';
import { SelectField } from '../inspector/fields';
import type { MessageText } from '../inspector/forms/MessageText';
import { MessagePreview } from '../inspector/MessagePreview';
import { ErrorDetails } from '../ui/ErrorDetails';
import { ApprovalBadge } from './CreativeApproval';
import { creativeKeys, creativesApi } from './creativesApi';
import { matchesSearch, textOf } from './creativeText';
import './creatives.css';
import { SearchInput } from '../ui/SearchInput';

interface CreativeChoiceProps {
  /** The message step's channel: only creatives written for it are offered. */
  channel: Channel;
  creativeId: string | undefined;
  onChoose(creativeId: string): void;
  /** Writes the creative's text into the step, which then no longer follows the library. */
  onCopy(text: MessageText): void;
}

export const creativeHref = (id: string) => `/creatives/${encodeURIComponent(id)}`;

/** "From library": pick a creative of the step's channel, see its text, or take a copy to edit here. */
export function CreativeChoice({ channel, creativeId, onChoose, onCopy }: CreativeChoiceProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [search, setSearch] = useState('');
  const library = useQuery({ queryKey: creativeKeys.list(), queryFn: creativesApi.list });

  if (library.isPending) return <p className="field-hint">{t('creatives.loading')}</p>;
  if (library.isError) return <ErrorDetails error={library.error} />;

  const { creatives, approvalRequired } = library.data;
  const chosen = creatives.find((creative) => creative.id === creativeId);
  // What customers get: with approval required, the approved words rather than the working ones.
  const sent = chosen && creativeContentOf(chosen, approvalRequired);
  // The chosen one stays listed whatever the search or its channel, so the select can show it.
  const offered = creatives.filter(
    (creative) => creative === chosen || (creative.channel === channel && matchesSearch(creative, search)),
  );
  const optionLabel = (creative: Creative) =>
    creative.channel === channel ? creative.name : `${creative.name} (${channelLabels[creative.channel][locale]})`;

  return (
    <>
      <SearchInput
        className="creative-search"
        label={t('creatives.pickerSearch')}
        value={search}
        onChange={setSearch}
      />
      <SelectField
        label={t('creatives.creative')}
        hint={
          offered.length === 0 ? (
            <>
              {t('creatives.noneForChannel', { channel: channelLabels[channel][locale] })}{' '}
              <Link href="/creatives">{t('creatives.openLibrary')}</Link>
            </>
          ) : undefined
        }
        value={creativeId ?? ''}
        options={[
          ...(chosen ? [] : [{ value: '', label: t('creatives.choose') }]),
          ...offered.map((creative) => ({ value: creative.id, label: optionLabel(creative) })),
        ]}
        onChange={(id) => {
          if (id) onChoose(id);
        }}
      />
      {creativeId !== undefined && !chosen && (
        <p className="banner warning" role="alert">
          {t('creatives.missing', { id: creativeId })}
        </p>
      )}
      {chosen && sent && (
        <>
          {chosen.channel !== channel && (
            <p className="banner warning" role="alert">
              {t('creatives.otherChannel', {
                creative: channelLabels[chosen.channel][locale],
                channel: channelLabels[channel][locale],
              })}
            </p>
          )}
          <p className="creative-choice-approval">
            <ApprovalBadge approval={chosen.approval} />
          </p>
          <MessagePreview {...textOf(sent)} />
          {sent.unapproved ? (
            <p className="banner warning" role="alert">
              {t('creatives.approval.blocksPublish')}
            </p>
          ) : (
            (sent.title !== chosen.title || sent.body !== chosen.body) && (
              <p className="field-hint">{t('creatives.approval.sendsApproved')}</p>
            )
          )}
          <div className="button-row creative-actions">
            <Link href={creativeHref(chosen.id)} className="link-button">
              {t('creatives.editInLibrary')}
            </Link>
            <button type="button" className="link-button" onClick={() => onCopy(textOf(chosen))}>
              {t('creatives.useCopy')}
            </button>
          </div>
        </>
      )}
    </>
  );
}
