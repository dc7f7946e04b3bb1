import { buildJourney } from '@journey/shared';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { RuntimeApi, uniqueId } from '../src/api';
import { useBrowser } from '../src/browser';

const browser = useBrowser();
const api = new RuntimeApi(inject('baseUrl'));

/** The live badges on a node card, e.g. ["3 active", "3 entered"]; none while live numbers are off. */
const liveBadges = (page: Page, nodeId: string) =>
  page.getByTestId(`live-counts-${nodeId}`).locator('.live-count').allTextContents();

it('shows node counts changing live on the canvas as events arrive, without a reload', async () => {
  const session = await browser.session('live-counts');
  const { page, step } = session;
  const journeyId = uniqueId('e2e-live');
  const trigger = `${journeyId}-signal`;
  await api.createAndPublish(
    buildJourney(
      journeyId,
      [
        ['signal', 'trigger', { kind: 'event', event: trigger }],
        ['pause', 'wait', { duration: 'P1D' }],
        ['done', 'exit', {}],
      ],
      [
        ['signal', 'next', 'pause'],
        ['pause', 'next', 'done'],
      ],
    ),
  );

  await session.open(`/journeys/${journeyId}`);
  const livePanel = page.getByRole('complementary', { name: 'Live numbers' });
  await livePanel.getByRole('status').getByText('Live', { exact: true }).waitFor();
  await expect.poll(() => liveBadges(page, 'pause')).toEqual(['0 entered']);
  // Anything set on the page survives only as long as the page is not reloaded.
  await page.evaluate(() => document.documentElement.setAttribute('data-e2e-loaded-once', 'yes'));
  await step('live journey opened');

  const signal = (customerIds: string[]) =>
    api.sendEvents(customerIds.map((customerId) => ({ eventId: uniqueId('evt'), customerId, type: trigger })));
  const customers = Array.from({ length: 5 }, (_, index) => `${journeyId}-customer-${index + 1}`);

  await signal(customers.slice(0, 3));
  await expect.poll(() => liveBadges(page, 'pause')).toEqual(['3 active', '3 entered']);
  expect(await liveBadges(page, 'signal')).toEqual(['3 entered']);
  await step('three customers waiting');

  await signal(customers.slice(3));
  await expect.poll(() => liveBadges(page, 'pause')).toEqual(['5 active', '5 entered']);
  await step('five customers waiting');

  // A day later the wait releases everyone to the exit.
  await api.advanceClock('P1D');
  await expect.poll(() => liveBadges(page, 'done')).toEqual(['5 entered']);
  expect(await liveBadges(page, 'pause')).toEqual(['5 entered']);
  await step('everyone left after a day');

  expect(await page.evaluate(() => document.documentElement.getAttribute('data-e2e-loaded-once'))).toBe('yes');
  const metrics = await api.metrics(journeyId);
  expect(metrics.nodes.pause).toMatchObject({ entered: 5, active: 0 });
  expect(metrics.nodes.done).toMatchObject({ entered: 5 });
  expect(session.pageErrors).toEqual([]);
});
