/**
 * The one-command demo: starts the runtime (which serves the built designer), loads the sample
 * journeys over the public API, publishes them, and sends gentle, deterministic traffic so live
 * numbers move. `--empty` starts the runtime alone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadSampleJourneys } from './journeys';
import { createTraffic } from './traffic';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const base = `http://${host}:${port}`;
const empty = process.argv.includes('--empty');

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error('the runtime exited during start-up');
    try {
      if ((await request('GET', '/health')).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the runtime did not answer on ${base}/health within a minute`);
}

/** Creates the benefit pools the samples grant from, then creates and publishes each sample. */
async function loadSamples(): Promise<void> {
  for (const pool of ['welcome-coupons', 'weekly-bonus-coupon', 'payroll-cashback', 'reactivation-points']) {
    await request('POST', '/v1/benefit-pools', {
      id: pool,
      name: pool,
      budget: 5_000,
      perCustomerLimit: 3,
      perCustomerPeriod: 'month',
    });
  }
  for (const { file, document } of loadSampleJourneys()) {
    const created = await request('POST', '/v1/journeys', document);
    if (created.status === 409) continue;
    const published = await request('POST', `/v1/journeys/${document.id}/publish`, { publishedBy: 'demo' });
    console.log(`  ${published.ok ? 'published' : 'draft (not publishable)'}: ${file}`);
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: fileURLToPath(new URL('../../runtime', import.meta.url)),
  env: { ...process.env, HOST: host, PORT: String(port) },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.kill(signal);
  });
}
server.once('exit', (code) => process.exit(code ?? 0));

await waitForHealth(server);
if (!empty) {
  console.log('Loading sample journeys…');
  await loadSamples();
  const traffic = createTraffic({ seed: 42, customers: 500 });
  setInterval(() => {
    request('POST', '/v1/events', { events: traffic.next(20) }).catch((error: unknown) =>
      console.error('traffic:', error),
    );
  }, 1_000);
}
console.log(`\nJourney is running: open ${base}/ (designer) · API docs ${base}/docs\n`);
