import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

export interface DesignerPluginOptions {
  /** The designer's production build (`designer/dist`); nothing is served when it has not been built. */
  root: string;
}

/** Serves the built designer at `/`, so one process is the whole product in production. */
export default fp<DesignerPluginOptions>(
  async (app, { root }) => {
    if (!existsSync(root)) {
      app.log.warn(`designer build not found at ${root}; run "pnpm --filter @journey/designer build"`);
      return;
    }
    await app.register(fastifyStatic, { root, prefix: '/', index: 'index.html' });
  },
  { name: 'designer' },
);
