import { expect, it } from 'vitest';
import { buildTestApp, START } from '../helpers';

it('reports ok with the time of the injected clock', async () => {
  const { app, clock } = await buildTestApp();
  clock.advance(90_000);
  const response = await app.inject({ method: 'GET', url: '/health' });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ status: 'ok', time: new Date(START + 90_000).toISOString() });
});
