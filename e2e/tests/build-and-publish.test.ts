import type { JourneyEdge } from '@journey/shared';
import { expect, inject, it } from 'vitest';
import { RuntimeApi, uniqueId } from '../src/api';
import { useBrowser } from '../src/browser';
import { canvasNodeIds, connectHandles, dragFromPalette, inspector, nodeOnCanvas, selectNode } from '../src/canvas';

const browser = useBrowser();
const api = new RuntimeApi(inject('baseUrl'));

const edgeKey = (edge: Pick<JourneyEdge, 'source' | 'sourceHandle' | 'target'>) =>
  `${edge.source}:${edge.sourceHandle}->${edge.target}`;

it('builds a journey from the palette, configures it, and publishes version 1', async () => {
  const session = await browser.session('build-and-publish');
  const { page, step } = session;
  const name = `E2E build ${uniqueId('run')}`;

  // A new journey starts as a trigger connected to an exit.
  await session.open('/');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill(name);
  await step('new journey dialog');
  await page.getByRole('button', { name: 'Create and open' }).click();
  await page.waitForURL(/#\/journeys\/[^/]+$/);
  const journeyId = decodeURIComponent(new URL(page.url()).hash.replace('#/journeys/', ''));
  await nodeOnCanvas(page, 'exit-1').waitFor();
  await step('blank journey');

  // Drag a wait, an A/B split and two messages onto the empty space above the trigger.
  await dragFromPalette(page, 'Wait', { x: 30, y: 40 });
  await dragFromPalette(page, 'A/B split', { x: 280, y: 40 });
  await dragFromPalette(page, 'Message', { x: 540, y: 10 });
  await dragFromPalette(page, 'Message', { x: 540, y: 150 });
  await expect
    .poll(() => canvasNodeIds(page))
    .toEqual(['trigger-1', 'exit-1', 'wait-1', 'split-1', 'message-1', 'message-2']);
  await step('steps dropped');

  // Connect them handle to handle; drawing from the trigger's used output rewires it.
  const connections = [
    { source: 'trigger-1', sourceHandle: 'next', target: 'wait-1' },
    { source: 'wait-1', sourceHandle: 'next', target: 'split-1' },
    { source: 'split-1', sourceHandle: 'A', target: 'message-1' },
    { source: 'split-1', sourceHandle: 'B', target: 'message-2' },
    { source: 'message-1', sourceHandle: 'sent', target: 'exit-1' },
    { source: 'message-2', sourceHandle: 'sent', target: 'exit-1' },
  ];
  for (const { source, sourceHandle, target } of connections) {
    await connectHandles(page, source, sourceHandle, target);
  }
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(connections.length);
  await step('steps connected');

  // Configure each step in the inspector.
  const panel = inspector(page);
  await selectNode(page, 'trigger-1');
  await panel.getByRole('textbox', { name: 'Event', exact: true }).fill('salary_credited');
  await selectNode(page, 'wait-1');
  await panel.getByRole('spinbutton', { name: 'Amount' }).fill('2');
  await panel.getByRole('combobox', { name: 'Unit' }).selectOption('days');
  await expect.poll(() => nodeOnCanvas(page, 'wait-1').textContent()).toContain('Wait 2 days');
  await step('wait configured');
  await selectNode(page, 'split-1');
  await panel.getByRole('textbox', { name: 'Label of variant A' }).fill('Cash-back');
  await panel.getByRole('spinbutton', { name: 'Weight of variant A' }).fill('50');
  await panel.getByRole('textbox', { name: 'Label of variant B' }).fill('Points');
  await panel.getByRole('spinbutton', { name: 'Weight of variant B' }).fill('50');
  await step('split configured');
  const bodies = {
    'message-1': 'Hi {{profile.name}}, get 5% cash-back on your card this month.',
    'message-2': 'Hi {{profile.name}}, earn double points on your card this month.',
  };
  for (const [nodeId, body] of Object.entries(bodies)) {
    await selectNode(page, nodeId);
    await panel.getByRole('textbox', { name: 'Text', exact: true }).fill(body);
  }
  await step('messages configured');

  // Nothing left to fix: the problems panel says so and Publish is enabled.
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await problems.getByText('None: ready to publish').waitFor();
  const publish = page.getByRole('button', { name: 'Publish', exact: true });
  await expect.poll(() => publish.isEnabled()).toBe(true);
  await step('ready to publish');

  await publish.click();
  const dialog = page.getByRole('dialog', { name: 'Publish version 1' });
  await dialog.waitFor();
  const confirm = dialog.getByRole('button', { name: 'Publish version 1' });
  await expect.poll(() => confirm.isEnabled()).toBe(true);
  await step('publish dialog');
  await confirm.click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('.top-bar').getByText('Live · v1').waitFor();
  await step('published');

  // The runtime has version 1 with exactly what was drawn and configured.
  const versions = await api.versions(journeyId);
  expect(versions.map((version) => version.version)).toEqual([1]);
  const { document } = versions[0]!;
  const configOf = (nodeId: string) => document.nodes.find((node) => node.id === nodeId)?.config;
  expect(document.nodes.map((node) => `${node.id}:${node.type}`).sort()).toEqual(
    [
      'exit-1:exit',
      'message-1:message',
      'message-2:message',
      'split-1:split',
      'trigger-1:trigger',
      'wait-1:wait',
    ].sort(),
  );
  expect(configOf('trigger-1')).toMatchObject({ kind: 'event', event: 'salary_credited' });
  expect(configOf('wait-1')).toEqual({ duration: 'P2D' });
  expect(configOf('split-1')).toMatchObject({
    variants: [
      { id: 'A', label: 'Cash-back', weight: 50 },
      { id: 'B', label: 'Points', weight: 50 },
    ],
  });
  expect(configOf('message-1')).toMatchObject({ template: { body: bodies['message-1'] } });
  expect(configOf('message-2')).toMatchObject({ template: { body: bodies['message-2'] } });
  expect(document.edges.map(edgeKey).sort()).toEqual(connections.map(edgeKey).sort());
  expect((await api.journey(journeyId)).status).toBe('live');
  expect(session.pageErrors).toEqual([]);
});
