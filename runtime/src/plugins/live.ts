import { type ClientToServerEvents, can, LIVE_NAMESPACE, type ServerToClientEvents } from '@journey/shared';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { LiveMetrics } from '../metrics/live';
import { MetricsReports } from '../metrics/reports';

/**
 * socket.io on the app's own HTTP server (which exists before `listen`, so `inject` tests build the
 * same app), serving live metrics on the `/live` namespace to callers allowed to read.
 */
export default fp(
  async (app) => {
    const io = new Server<ClientToServerEvents, ServerToClientEvents>(app.server, { serveClient: false });
    const namespace = io.of(LIVE_NAMESPACE);
    // The same API keys and sessions as the REST routes: `io(url, { auth: { token } })` or the session cookie.
    namespace.use((socket, next) => {
      const principal = app.auth.authenticateSocketHandshake(socket.handshake);
      if (!principal) next(new Error('Authentication required: pass { auth: { token: <API key> } } or log in'));
      else if (!can(principal.role, 'read'))
        next(new Error(`${principal.name} (${principal.role}) may not read metrics`));
      else next();
    });
    const live = new LiveMetrics(namespace, app.metrics, new MetricsReports(app.metrics, app.journeys), app.log);
    // Open sockets would keep the HTTP server from closing: drop them before it closes.
    app.addHook('preClose', async () => {
      io.disconnectSockets(true);
      namespace.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      live.stop();
      // socket.io closes the HTTP server too; fastify already has, so its "not running" error is expected.
      await new Promise<void>((resolve) => io.close(() => resolve()));
    });
  },
  { name: 'live', dependencies: ['auth', 'metrics', 'engine'] },
);
