import { buildJourney } from '@journey/shared';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { RuntimeApi, uniqueId } from '../src/api';
import { useBrowser } from '../src/browser';
import { nodeOnCanvas } from '../src/canvas';

const browser = useBrowser();
const api = new RuntimeApi(inject('baseUrl'));

/** What a reader sees first: the palette's title and step names, the publish button and the problems summary. */
async function visibleLabels(page: Page) {
  const palette = page.locator('nav.palette');
  return {
    lang: await page.evaluate(() => document.documentElement.lang),
    paletteTitle: await palette.locator('.panel-title').textContent(),
    steps: await palette.locator('.palette-item-label').allTextContents(),
    publish: await page.locator('.publish-wrapper button').textContent(),
    problems: await page.locator('.problems-toggle .count').textContent(),
  };
}

const english = {
  lang: 'en',
  paletteTitle: 'Steps',
  publish: 'Publish',
  problems: 'None: ready to publish',
};
const chinese = {
  lang: 'zh-CN',
  paletteTitle: '组件',
  publish: '发布',
  problems: '无问题，可以发布',
};

it('switches the designer to Simplified Chinese and back to English', async () => {
  const session = await browser.session('language');
  const { page, step } = session;
  const journeyId = uniqueId('e2e-lang');
  await api.createJourney(
    buildJourney(
      journeyId,
      [
        ['start', 'trigger', { kind: 'event', event: 'app_login' }],
        ['pause', 'wait', { duration: 'P2D' }],
        ['end', 'exit', {}],
      ],
      [
        ['start', 'next', 'pause'],
        ['pause', 'next', 'end'],
      ],
    ),
  );
  await session.open(`/journeys/${journeyId}`);
  await nodeOnCanvas(page, 'end').waitFor();
  expect(await visibleLabels(page)).toMatchObject(english);
  await step('english');

  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
  await expect.poll(() => visibleLabels(page)).toMatchObject(chinese);
  const labels = await visibleLabels(page);
  expect(labels.steps).toEqual(expect.arrayContaining(['触发', '等待', 'A/B 分流', '消息', '退出']));
  expect(await nodeOnCanvas(page, 'pause').textContent()).toContain('等待');
  await step('chinese');

  // The choice is remembered across a reload.
  await page.reload();
  await nodeOnCanvas(page, 'end').waitFor();
  expect(await visibleLabels(page)).toMatchObject(chinese);
  await step('chinese after reload');

  await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
  await expect.poll(() => visibleLabels(page)).toMatchObject(english);
  expect((await visibleLabels(page)).steps).toEqual(
    expect.arrayContaining(['Trigger', 'Wait', 'A/B split', 'Message', 'Exit']),
  );
  await step('english again');
  expect(session.pageErrors).toEqual([]);
});
