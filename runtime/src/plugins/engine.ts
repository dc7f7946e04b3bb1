import fp from 'fastify-plugin';
import type { ChannelAdapters } from '../channels/adapters';
import { MessageDispatcher } from '../channels/dispatcher';
import { AudienceEntry } from '../engine/audience';
import { CreativeLibrary } from '../engine/creatives';
import { JourneyExecutor } from '../engine/executor';
import { JourneyService } from '../engine/journeys';
import { VersionCache } from '../engine/versions';

declare module 'fastify' {
  interface FastifyInstance {
    journeys: JourneyService;
    creatives: CreativeLibrary;
    executor: JourneyExecutor;
    dispatcher: MessageDispatcher;
    /** Fires due timers and delivers due messages until none are left; the manual clock calls it after moving. */
    runDueWork(): Promise<void>;
    /** When the earliest pending timer, message or scheduled entry is due (null: nothing pending). */
    nextWorkAt(): number | null;
  }
}

export interface EnginePluginOptions {
  channels?: ChannelAdapters;
  /** How often the background loop looks for due timers and messages; 0 disables it (tests drive `runDueWork`). */
  pollIntervalMs: number;
}

/** The durable executor: applies ingested events, fires timers and dispatches the outbox. */
export default fp<EnginePluginOptions>(
  async (app, { channels, pollIntervalMs }) => {
    const versions = new VersionCache(app.sqlite);
    const executor = new JourneyExecutor(app.sqlite, versions, app.clock, app.metrics);
    // Staff tasks are the built-in adapters of their channels; an adapter configured for the channel wins.
    const adapters = { ...app.tasks.channelAdapters, ...channels };
    const dispatcher = new MessageDispatcher(app.sqlite, versions, executor, app.clock, app.metrics, adapters);
    const audience = new AudienceEntry(app.sqlite, versions, executor);
    const creatives = new CreativeLibrary(app.db, app.audit, app.settings);
    app.decorate('creatives', creatives);
    app.decorate('journeys', new JourneyService(app.db, versions, audience, executor, app.audit, creatives));
    app.customers.onChange((id, now) => audience.customersChanged([id], now));
    app.decorate('executor', executor);
    app.decorate('dispatcher', dispatcher);
    const interrupted = dispatcher.requeueInterrupted();
    if (interrupted > 0)
      app.log.warn(`${interrupted} message(s) were being sent when the server stopped; sending again`);
    app.eventIngestion.addSink((stored) => executor.handleEvents(stored));
    executor.onConversion((conversion) => app.roi.recordRevenue(conversion));

    // Mirrors what `drain` consumes: timers of live journeys, messages waiting to go, schedules of live journeys.
    const nextWork = app.sqlite.prepare<[], { at: number | null }>(
      `SELECT MIN(at) AS at FROM (
         SELECT MIN(t.due_at) AS at FROM timers t JOIN instances i ON i.id = t.instance_id
           JOIN journeys j ON j.id = i.journey_id WHERE j.status = 'live'
         UNION ALL SELECT MIN(next_attempt_at) FROM messages WHERE status IN ('pending', 'deferred')
         UNION ALL SELECT MIN(next_entry_at) FROM journeys WHERE status = 'live')`,
    );
    app.decorate('nextWorkAt', () => nextWork.get()?.at ?? null);

    let running: Promise<void> | undefined;
    async function drain(): Promise<void> {
      for (;;) {
        const now = app.clock.now();
        const fired = app.sqlite.transaction(() => executor.fireDueTimers(now))();
        const entered = app.sqlite.transaction(() => audience.startDueSchedules(now) + Number(audience.runChunk()))();
        const sent = await dispatcher.dispatchDue();
        const overdue = app.tasks.raiseOverdue(now);
        if (fired === 0 && entered === 0 && sent === 0 && overdue === 0) return;
      }
    }
    // One drain at a time: a second caller waits for the running one, then drains what is left.
    app.decorate('runDueWork', async () => {
      while (running) await running;
      running = drain().finally(() => {
        running = undefined;
      });
      return running;
    });

    if (pollIntervalMs > 0) {
      const timer = setInterval(() => {
        if (!running) app.runDueWork().catch((error: unknown) => app.log.error(error, 'background work failed'));
      }, pollIntervalMs);
      app.addHook('onClose', async () => {
        clearInterval(timer);
        while (running) await running;
      });
    }
  },
  { name: 'engine', dependencies: ['db', 'stores', 'auth', 'metrics', 'operations'] },
);
