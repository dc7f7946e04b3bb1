import fp from 'fastify-plugin';
import { MetricStore } from '../metrics/store';

declare module 'fastify' {
  interface FastifyInstance {
    /** Metric counters and their series; the executor and dispatcher write them in their transactions. */
    metrics: MetricStore;
  }
}

export default fp(
  async (app) => {
    app.decorate('metrics', new MetricStore(app.sqlite, app.clock));
  },
  { name: 'metrics', dependencies: ['db'] },
);
