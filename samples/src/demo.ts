/**
 * The one-command demo: starts the runtime (which serves the built designer), seeds customer profiles and
 * benefit pools, loads the sample journeys over the public API, publishes them, and sends gentle,
 * deterministic traffic so live numbers move.
 *
 *   --empty            start the runtime alone
 *   --bank-csv <path>  also import a CSV in the format of ../shared/data/bank-marketing.csv
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RuntimeApi, RuntimeHttpError, RuntimeUnreachableError } from './api';
import { loadSampleJourneys } from './journeys';
import {
  createSampleCreatives,
  createSampleOrganisation,
  createSamplePools,
  createSampleSegments,
  importBankMarketing,
  seedProfiles,
} from './seed';
import { createProgressDisplay, runSimulation } from './simulate';
import { installSampleTemplates } from './templates';

const DEMO_CUSTOMERS = 500;
const PROFILE_SEED = 42;
const TRAFFIC_RATE = 20;

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const api = new RuntimeApi(`http://${host}:${port}`);
const { values: flags } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { empty: { type: 'boolean' }, 'bank-csv': { type: 'string' } },
});

async function waitForHealth(server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error('the runtime exited during start-up');
    try {
      return await api.health();
    } catch (error) {
      if (!(error instanceof RuntimeUnreachableError)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the runtime did not answer on ${api.baseUrl}/health within a minute`);
}

/** Seeds profiles, pools, segments and creatives, then creates and publishes each sample (journeys that exist are left alone). */
async function loadSamples(): Promise<void> {
  const profiles = await seedProfiles(api, { seed: PROFILE_SEED, count: DEMO_CUSTOMERS });
  console.log(`  profiles demo-1 … demo-${DEMO_CUSTOMERS}: ${profiles.imported} new, ${profiles.updated} updated`);
  const bankCsv = flags['bank-csv'];
  if (bankCsv) {
    const bank = await importBankMarketing(api, bankCsv);
    console.log(
      `  bank marketing data set: ${bank.imported} new, ${bank.updated} updated, ${bank.rejected.length} rejected`,
    );
  }
  await createSamplePools(api);
  const organisation = await createSampleOrganisation(api);
  console.log(
    `  organisation: ${organisation.units} units, ${organisation.staff} relationship managers; unit costs set`,
  );
  await createSampleSegments(api);
  await createSampleCreatives(api);
  console.log(`  template gallery: ${await installSampleTemplates(api)} templates`);
  for (const { file, document } of loadSampleJourneys()) {
    try {
      await api.request('POST', '/v1/journeys', { json: document });
    } catch (error) {
      if (error instanceof RuntimeHttpError && error.status === 409) continue;
      throw error;
    }
    try {
      await api.request('POST', `/v1/journeys/${document.id}/publish`, { json: { publishedBy: 'demo' } });
      console.log(`  published: ${file}`);
    } catch (error) {
      if (!(error instanceof RuntimeHttpError)) throw error;
      console.log(`  draft, not published: ${file} (${error.message})`);
    }
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: fileURLToPath(new URL('../../runtime', import.meta.url)),
  // The local demo runs without API keys; the runtime allows that only on a loopback HOST.
  env: { ...process.env, HOST: host, PORT: String(port), JOURNEY_AUTH: 'off' },
  stdio: 'inherit',
});
const traffic = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    traffic.abort();
    server.kill(signal);
  });
}
server.once('exit', (code) => process.exit(code ?? 0));

await waitForHealth(server);
if (!flags.empty) {
  console.log('Loading sample journeys…');
  await loadSamples();
}
console.log(`\nJourney is running: open ${api.baseUrl}/ (designer) · API docs ${api.baseUrl}/docs\n`);
if (!flags.empty) {
  // A new seed per start: the database persists, and events it has seen would only count as duplicates.
  const seed = Date.now() % 2 ** 32;
  console.log(
    `Demo traffic: ${TRAFFIC_RATE} events/s (the same events: pnpm simulate -- --customers ${DEMO_CUSTOMERS} --seed ${seed})`,
  );
  const display = createProgressDisplay(process.stdout, {
    live: false, // the runtime logs to the same terminal
    intervalMs: 60_000,
    prefix: 'demo traffic: ',
  });
  const result = await runSimulation(
    api,
    { customers: DEMO_CUSTOMERS, rate: TRAFFIC_RATE, seed },
    { signal: traffic.signal, onProgress: display.update },
  );
  if (result.gaveUp) console.error(`demo traffic stopped: ${result.gaveUp}`);
}
