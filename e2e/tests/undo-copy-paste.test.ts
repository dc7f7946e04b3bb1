import { buildJourney } from '@journey/shared';
import { expect, inject, it } from 'vitest';
import { RuntimeApi, uniqueId } from '../src/api';
import { useBrowser } from '../src/browser';
import { canvasNodeIds, canvasPane, dragFromPalette, nodeOnCanvas, selectNode } from '../src/canvas';

const browser = useBrowser();
const api = new RuntimeApi(inject('baseUrl'));

it('undoes and redoes adding a node, and pastes a copy of a node under a new id', async () => {
  const session = await browser.session('undo-copy-paste');
  const { page, step } = session;
  const journeyId = uniqueId('e2e-undo');
  await api.createJourney(
    buildJourney(
      journeyId,
      [
        ['start', 'trigger', { kind: 'event', event: 'app_login' }],
        ['end', 'exit', {}],
      ],
      [['start', 'next', 'end']],
    ),
  );
  await session.open(`/journeys/${journeyId}`);
  await nodeOnCanvas(page, 'end').waitFor();
  const savedNodeIds = async () => (await api.journey(journeyId)).draft.nodes.map((node) => node.id);
  await step('opened');

  // Add a node, then undo and redo it from the keyboard.
  await dragFromPalette(page, 'Wait', { x: 40, y: 40 });
  await expect.poll(() => canvasNodeIds(page)).toEqual(['start', 'end', 'wait-1']);
  await step('wait added');
  await canvasPane(page).click({ position: { x: 20, y: 400 } }); // keys go to the canvas, not a form field
  await page.keyboard.press('Control+z');
  await expect.poll(() => canvasNodeIds(page)).toEqual(['start', 'end']);
  await step('undone');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => canvasNodeIds(page)).toEqual(['start', 'end', 'wait-1']);
  await step('redone');

  // Copy the wait and paste it: a second wait with its own id, saved to the draft.
  await selectNode(page, 'wait-1');
  await nodeOnCanvas(page, 'wait-1').and(page.locator('.selected')).waitFor();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect.poll(() => canvasNodeIds(page)).toEqual(['start', 'end', 'wait-1', 'wait-2']);
  await nodeOnCanvas(page, 'wait-2').and(page.locator('.selected')).waitFor();
  await step('pasted');
  await expect.poll(savedNodeIds).toEqual(['start', 'end', 'wait-1', 'wait-2']);
  const draft = (await api.journey(journeyId)).draft;
  const copy = draft.nodes.find((node) => node.id === 'wait-2');
  const original = draft.nodes.find((node) => node.id === 'wait-1');
  expect(copy?.config).toEqual(original?.config);
  expect(copy?.position).not.toEqual(original?.position);

  // Undo takes the paste back too.
  await page.keyboard.press('Control+z');
  await expect.poll(() => canvasNodeIds(page)).toEqual(['start', 'end', 'wait-1']);
  await expect.poll(savedNodeIds).toEqual(['start', 'end', 'wait-1']);
  await step('paste undone');
  expect(session.pageErrors).toEqual([]);
});
