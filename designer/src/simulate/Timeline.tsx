import { channelLabels } from '@journey/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { formatDateTime } from '../ui/format';
import type { Simulation, StepCause, TimelineStep } from './simulation';
import { useNodeNames } from './useNodeNames';

const DAY = 86_400_000;

/** Every step of the simulated customer: when, why, the steps entered and the messages they would get. */
export function Timeline({ simulation }: { simulation: Simulation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNodeNames(simulation.document);
  const enteredAt = simulation.timeline[0]?.at ?? simulation.now;
  const { timezone } = simulation.document.settings;

  const cause = (step: StepCause): string => {
    switch (step.kind) {
      case 'entered':
        return step.event ? t('simulate.cause.enteredOn', { event: step.event }) : t('simulate.cause.entered');
      case 'event':
        return t('simulate.cause.event', { event: step.event });
      case 'timer':
        return names.type(step.nodeId) === 'waitForEvent'
          ? t('simulate.cause.timeout', { node: names.name(step.nodeId) })
          : t('simulate.cause.waited', { node: names.name(step.nodeId) });
      case 'outcome':
        return t('simulate.cause.outcome', {
          node: names.name(step.nodeId),
          outcome: names.outcome(step.nodeId, step.outcome),
        });
    }
  };

  const result = (step: TimelineStep) => {
    if (step.entered.length > 0) {
      return (
        <ol className="timeline-path" aria-label={t('simulate.entered')}>
          {step.entered.map((nodeId, index) => (
            // A node can be entered twice in one step (a loop through a wait-free branch).
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index}>{names.name(nodeId)}</li>
          ))}
        </ol>
      );
    }
    if (step.counted)
      return <p className="muted">{t('simulate.counted', { count: step.counted.count, of: step.counted.of })}</p>;
    return step.converted ? null : <p className="muted">{t('simulate.nothingHappened')}</p>;
  };

  return (
    <ol className="timeline">
      {simulation.timeline.map((step, index) => (
        // Steps only ever append; the index is the step's identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index} className="timeline-step">
          <div className="timeline-when">
            {formatDateTime(step.at, locale, timezone)} ·{' '}
            {t('simulate.day', { day: Math.floor((step.at - enteredAt) / DAY) + 1 })}
          </div>
          <div className="timeline-cause">{cause(step.cause)}</div>
          {result(step)}
          {step.converted && <p className="timeline-goal">{t('simulate.converted')}</p>}
          {step.messages.map((message) => (
            <div key={message.nodeId} className="timeline-message">
              <div className="timeline-channel">
                {channelLabels[message.channel][locale]} · {names.name(message.nodeId)}
              </div>
              <div className="message-bubble">
                {message.title && <strong>{message.title}</strong>}
                <p>{message.body}</p>
              </div>
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
