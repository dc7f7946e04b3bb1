import { addDuration, differsSemantically } from '@journey/shared';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResolvedDraft } from '../creatives/useCreatives';
import { useLocale } from '../i18n';
import { DurationField, FieldGroup } from '../inspector/fields';
import { type Entry, KeyValueRows } from '../inspector/KeyValueRows';
import { formatDateTime, formatRelative } from '../ui/format';
import { propertyRowLabels } from './rowLabels';
import {
  advanceTime,
  awaitedEvent,
  chooseOutcome,
  entryEvent,
  listenedEvents,
  type Simulation,
  sendEvent,
} from './simulation';
import { useSimulationStore } from './simulationStore';
import { Timeline } from './Timeline';
import { recordOf } from './testCustomer';
import { useNodeNames } from './useNodeNames';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Events the machine uses itself; a customer event must not pose as one. */
const RESERVED_EVENT = /^(journey|xstate)\./;

/** A running simulation: where the customer is, what to do next, and what happened so far. */
export function SimulationRun({ simulation }: { simulation: Simulation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Compared as simulated: with the creatives' words in.
  const draft = useResolvedDraft();
  const setSimulation = useSimulationStore((state) => state.setSimulation);
  const names = useNodeNames(simulation.document);
  const stale = useMemo(() => differsSemantically(simulation.document, draft), [simulation.document, draft]);
  const { timezone } = simulation.document.settings;
  const nextTimer = simulation.timers[0];
  const pending = simulation.pendingOutcome;
  const waiting = simulation.status === 'active' && !pending;
  const end = useRef<HTMLDivElement>(null);
  const steps = simulation.timeline.length;

  // Each step brings the newest entry and the next controls into view (jsdom has no scrolling).
  useEffect(() => {
    if (steps > 0) end.current?.scrollIntoView?.({ block: 'end' });
  }, [steps]);

  return (
    <>
      <div className="simulation-status">
        <div>
          <div className="simulation-clock">
            {t('simulate.clock', { at: formatDateTime(simulation.now, locale, timezone), timezone })}
          </div>
          <div className={`simulation-where ${simulation.status}`}>
            {simulation.status === 'active'
              ? t('simulate.at', { node: names.name(simulation.currentNodeId) })
              : t(`simulate.finished.${simulation.status}`, { node: names.name(simulation.currentNodeId) })}
          </div>
        </div>
        <button type="button" className="secondary-button" onClick={() => setSimulation(null)}>
          {t('simulate.reset')}
        </button>
      </div>
      {stale && <p className="banner warning">{t('simulate.stale')}</p>}

      {/* Like a conversation: what happened reads downwards, and what to do next is at the end. */}
      <section className="inspector-section">
        <h3>{t('simulate.timeline')}</h3>
        <Timeline simulation={simulation} />
      </section>

      {pending && (
        <section className="inspector-section pending-outcome">
          <h3>{t('simulate.outcomeQuestion', { node: names.name(pending.nodeId) })}</h3>
          <div className="button-row">
            {pending.outcomes.map((outcome) => (
              <button
                key={outcome}
                type="button"
                className="secondary-button"
                onClick={() => setSimulation(chooseOutcome(simulation, outcome))}
              >
                {names.outcome(pending.nodeId, outcome)}
              </button>
            ))}
          </div>
        </section>
      )}

      {waiting && (
        <>
          {/* A fresh form at each step, suggesting what that step waits for. */}
          <EventForm key={simulation.currentNodeId} simulation={simulation} />
          <section className="inspector-section">
            <h3>{t('simulate.advance')}</h3>
            <div className="button-row">
              <button
                type="button"
                className="secondary-button"
                onClick={() => setSimulation(advanceTime(simulation, HOUR))}
              >
                {t('simulate.plusHour')}
              </button>
              <button
                type="button"
                className="secondary-button"
                onClick={() => setSimulation(advanceTime(simulation, DAY))}
              >
                {t('simulate.plusDay')}
              </button>
              {nextTimer && (
                <button
                  type="button"
                  className="secondary-button"
                  title={t('simulate.nextTimerHint', {
                    node: names.name(nextTimer.nodeId),
                    at: formatDateTime(nextTimer.dueAt, locale, timezone),
                  })}
                  onClick={() => setSimulation(advanceTime(simulation, nextTimer.dueAt - simulation.now))}
                >
                  {t('simulate.nextTimer', { when: formatRelative(nextTimer.dueAt, locale, simulation.now) })}
                </button>
              )}
            </div>
            <CustomAdvance
              onAdvance={(iso) =>
                setSimulation(advanceTime(simulation, addDuration(simulation.now, iso, timezone) - simulation.now))
              }
            />
          </section>
        </>
      )}
      <div ref={end} />
    </>
  );
}

function CustomAdvance({ onAdvance }: { onAdvance(iso: string): void }) {
  const { t } = useTranslation();
  const [duration, setDuration] = useState('P2D');
  return (
    <div className="inline-controls custom-advance">
      <DurationField legend={t('simulate.advanceBy')} value={duration} onChange={setDuration} />
      <button type="button" className="secondary-button" onClick={() => onAdvance(duration)}>
        {t('simulate.advanceButton')}
      </button>
    </div>
  );
}

/** "The customer does…": an event with properties, the draft's own events offered first. */
function EventForm({ simulation }: { simulation: Simulation }) {
  const { t } = useTranslation();
  const setSimulation = useSimulationStore((state) => state.setSimulation);
  const listened = useMemo(() => listenedEvents(simulation.document), [simulation.document]);
  // What the customer's step waits for, else another event the draft reacts to than the one they entered by.
  const [type, setType] = useState(() => {
    const entered = entryEvent(simulation.document)?.event;
    const other = listened.find(({ event }) => event !== entered) ?? listened[0];
    return awaitedEvent(simulation) ?? other?.event ?? '';
  });
  // Rows for the properties the draft's rules read about that event, ready to fill in.
  const [properties, setProperties] = useState<Entry[]>(() =>
    (listened.find(({ event }) => event === type)?.properties ?? []).map((key): Entry => [key, '']),
  );
  const listId = useId();
  const eventType = type.trim();
  const reserved = RESERVED_EVENT.test(eventType);
  return (
    <section className="inspector-section">
      <h3>{t('simulate.sendEvent')}</h3>
      <FieldGroup legend={t('fields.eventName')} hint={reserved ? t('simulate.reservedEvent') : undefined}>
        <input
          aria-label={t('fields.eventName')}
          list={listId}
          value={type}
          aria-invalid={reserved}
          onChange={(event) => setType(event.target.value)}
        />
        <datalist id={listId}>
          {listened.map(({ event }) => (
            <option key={event} value={event} />
          ))}
        </datalist>
      </FieldGroup>
      <FieldGroup legend={t('simulate.properties')}>
        <KeyValueRows
          entries={properties}
          onChange={setProperties}
          newKey="property"
          suggestions={listened.find((event) => event.event === eventType)?.properties}
          labels={propertyRowLabels(t)}
        />
      </FieldGroup>
      <button
        type="button"
        className="primary-button block"
        disabled={!eventType || reserved}
        onClick={() => setSimulation(sendEvent(simulation, eventType, recordOf(properties)))}
      >
        {t('simulate.send', { event: eventType || '…' })}
      </button>
    </section>
  );
}
