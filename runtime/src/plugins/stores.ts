import fp from 'fastify-plugin';
import { CustomerStore } from '../customers/store';
import { EventIngestion } from '../events/ingest';
import { SegmentStore } from '../segments/store';

declare module 'fastify' {
  interface FastifyInstance {
    customers: CustomerStore;
    segments: SegmentStore;
    /** Where events enter the runtime; the executor registers itself with `eventIngestion.addSink`. */
    eventIngestion: EventIngestion;
  }
}

/** The data-access objects the routes (and later the executor) share. */
export default fp(
  async (app) => {
    const customers = new CustomerStore(app.db);
    app.decorate('customers', customers);
    app.decorate('segments', new SegmentStore(app.db));
    app.decorate('eventIngestion', new EventIngestion(app.db, customers, app.clock));
  },
  { name: 'stores', dependencies: ['db'] },
);
