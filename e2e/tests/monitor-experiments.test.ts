import { buildJourney } from '@journey/shared';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { type JourneyMetrics, RuntimeApi, uniqueId } from '../src/api';
import { useBrowser } from '../src/browser';

const browser = useBrowser();
const api = new RuntimeApi(inject('baseUrl'));

const count = (value: number) => value.toLocaleString('en');
const percent = (ratio: number) =>
  new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

/** The monitor's key figure tiles, by tile id (entered, active, converted, conversionRate…). */
async function kpiTiles(page: Page): Promise<Record<string, string>> {
  const tiles = page.locator('[data-testid^="kpi-"]');
  const entries = await tiles.evaluateAll((elements) =>
    elements.map((element) => [
      element.getAttribute('data-testid')?.replace('kpi-', '') ?? '',
      element.querySelector('.kpi-value')?.textContent ?? '',
    ]),
  );
  return Object.fromEntries(entries);
}

/** What the tiles should show for these metrics. */
function expectedTiles(metrics: JourneyMetrics): Record<string, string> {
  const active = Object.values(metrics.nodes).reduce((sum, node) => sum + node.active, 0);
  return {
    entered: count(metrics.entered),
    active: count(active),
    converted: count(metrics.goal.converted),
    conversionRate: percent(metrics.goal.converted / metrics.entered),
  };
}

/** The variants table of a split: variant label (with its control tag), customers and conversions per row. */
async function variantRows(page: Page, splitLabel: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: `Variants of ${splitLabel}` });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim() ?? '').slice(0, 3)),
    );
}

it('shows in the monitor and experiments views the numbers the API reports', async () => {
  const session = await browser.session('monitor-experiments');
  const { page, step } = session;
  const journeyId = uniqueId('e2e-ab');
  const signup = `${journeyId}-signup`;
  const purchase = `${journeyId}-purchase`;
  const journey = buildJourney(
    journeyId,
    [
      ['signup', 'trigger', { kind: 'event', event: signup }],
      [
        'offer',
        'split',
        {
          variants: [
            { id: 'A', label: 'Control', weight: 50, control: true },
            { id: 'B', label: 'Cash-back', weight: 50 },
          ],
          plannedSamplePerVariant: 50,
        },
      ],
      ['observe-a', 'wait', { duration: 'P14D' }],
      ['cashback-sms', 'message', { channel: 'sms', template: { body: 'Hi {{profile.name}}: ¥30 cash-back inside' } }],
      ['observe-b', 'wait', { duration: 'P14D' }],
      ['done', 'exit', {}],
    ],
    [
      ['signup', 'next', 'offer'],
      ['offer', 'A', 'observe-a'],
      ['offer', 'B', 'cashback-sms'],
      ['cashback-sms', 'sent', 'observe-b'],
      ['observe-a', 'next', 'done'],
      ['observe-b', 'next', 'done'],
    ],
    { goal: { event: purchase, within: 'P14D', exitOnGoal: true } },
  );
  journey.nodes[1]!.label = 'Offer test';
  await api.createAndPublish(journey);

  // 40 customers enter; a day later 12 of them buy.
  const customers = Array.from({ length: 40 }, (_, index) => `${journeyId}-c${index + 1}`);
  const eventsOf = (type: string, ids: string[]) =>
    api.sendEvents(ids.map((customerId) => ({ eventId: uniqueId('evt'), customerId, type })));
  await eventsOf(signup, customers);
  await api.advanceClock('PT1H');
  await eventsOf(
    purchase,
    customers.filter((_, index) => index % 10 < 3),
  );
  await api.advanceClock('P1D');

  // The monitor's tiles equal the metrics API, and follow new customers live.
  await session.open(`/journeys/${journeyId}/monitor`);
  await page.getByTestId('kpi-entered').waitFor();
  let metrics = await api.metrics(journeyId);
  expect(metrics.entered).toBe(40);
  expect(metrics.goal.converted).toBe(12);
  await expect.poll(() => kpiTiles(page)).toMatchObject(expectedTiles(metrics));
  await step('monitor');

  await eventsOf(signup, customers.map((id) => `${id}-late`).slice(0, 5));
  metrics = await api.metrics(journeyId);
  expect(metrics.entered).toBe(45);
  await expect.poll(() => kpiTiles(page)).toMatchObject(expectedTiles(metrics));
  await step('monitor after five more customers');

  // The experiments view (through its tab) shows each variant's sample and conversions as the API reports them.
  await page.getByRole('navigation', { name: 'Journey views' }).getByRole('link', { name: 'Experiments' }).click();
  await page.waitForURL(/\/experiments$/);
  const report = await api.experiments(journeyId);
  const split = report.splits.find((candidate) => candidate.nodeId === 'offer');
  expect(split?.variants.map((variant) => variant.id)).toEqual(['A', 'B']);
  const variants = split?.variants ?? [];
  expect(variants.reduce((sum, variant) => sum + variant.n, 0)).toBe(45);
  expect(variants.reduce((sum, variant) => sum + variant.conversions, 0)).toBe(12);
  expect(Object.fromEntries(variants.map((variant) => [variant.id, variant.n]))).toEqual({
    A: metrics.variants.offer?.A?.entered,
    B: metrics.variants.offer?.B?.entered,
  });
  await expect
    .poll(() => variantRows(page, 'Offer test'))
    .toEqual([
      ['ControlBaseline', count(variants[0]!.n), count(variants[0]!.conversions)],
      ['Cash-back', count(variants[1]!.n), count(variants[1]!.conversions)],
    ]);
  await step('experiments');
  expect(session.pageErrors).toEqual([]);
});
