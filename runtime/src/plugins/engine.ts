import fp from 'fastify-plugin';
import type { ChannelAdapters } from '../channels/adapters';
import { MessageDispatcher } from '../channels/dispatcher';
import { AudienceEntry } from '../engine/audience';
import { JourneyExecutor } from '../engine/executor';
import { JourneyService } from '../engine/journeys';
import { VersionCache } from '../engine/versions';

declare module 'fastify' {
  interface FastifyInstance {
    journeys: JourneyService;
    executor: JourneyExecutor;
    dispatcher: MessageDispatcher;
    /** Fires due timers and delivers due messages until none are left; the manual clock calls it after moving. */
    runDueWork(): Promise<void>;
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
    const executor = new JourneyExecutor(app.sqlite, versions, app.clock);
    const dispatcher = new MessageDispatcher(app.sqlite, versions, executor, app.clock, channels);
    const audience = new AudienceEntry(app.sqlite, versions, executor);
    app.decorate('journeys', new JourneyService(app.db, versions, audience, executor));
    app.customers.onChange((id, now) => audience.customersChanged([id], now));
    app.decorate('executor', executor);
    app.decorate('dispatcher', dispatcher);
    app.eventIngestion.addSink((stored) => executor.handleEvents(stored));

    let running: Promise<void> | undefined;
    async function drain(): Promise<void> {
      for (;;) {
        const now = app.clock.now();
        const fired = app.sqlite.transaction(() => executor.fireDueTimers(now))();
        const entered = app.sqlite.transaction(
          () => audience.startDueSchedules(now) + Number(audience.runChunk(now)),
        )();
        const sent = await dispatcher.dispatchDue();
        if (fired === 0 && entered === 0 && sent === 0) return;
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
  { name: 'engine', dependencies: ['db', 'stores'] },
);
