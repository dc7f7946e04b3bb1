import fp from 'fastify-plugin';
import { Approvals } from '../auth/approvals';

declare module 'fastify' {
  interface FastifyInstance {
    approvals: Approvals;
  }
}

/** Maker-checker publishing; needs the journeys (engine) and the audit log (auth). */
export default fp(
  async (app) => {
    app.decorate('approvals', new Approvals(app.db, app.journeys, app.audit));
  },
  { name: 'approvals', dependencies: ['engine', 'auth'] },
);
