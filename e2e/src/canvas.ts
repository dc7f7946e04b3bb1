import type { Locator, Page } from 'playwright-core';

// The designer's canvas as a user works it: palette drags, handle-to-handle connections, node cards.

/** A node card on the canvas (its React Flow wrapper, which carries `data-id`). */
export function nodeOnCanvas(page: Page, nodeId: string): Locator {
  return page.locator(`.react-flow__node[data-id="${nodeId}"]`);
}

/** Every node card on the canvas. */
export function canvasNodes(page: Page): Locator {
  return page.locator('.react-flow__node');
}

/** The ids of the nodes on the canvas, in document order. */
export function canvasNodeIds(page: Page): Promise<string[]> {
  return canvasNodes(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''));
}

/** The empty canvas behind the nodes, where palette items are dropped. */
export function canvasPane(page: Page): Locator {
  return page.locator('.react-flow__pane');
}

/** A palette item by its (exact) label in the current language. */
export function paletteItem(page: Page, label: string): Locator {
  return page.locator('.palette-item').filter({ has: page.getByText(label, { exact: true }) });
}

/**
 * Drags a step from the palette onto the canvas with the mouse (HTML drag and drop) and drops it `offset`
 * pixels from the canvas's top-left corner; the node's top-left lands at the cursor.
 */
export async function dragFromPalette(page: Page, label: string, offset: { x: number; y: number }): Promise<void> {
  await paletteItem(page, label).dragTo(canvasPane(page), { targetPosition: offset });
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** An output handle of a node, by handle id (`next`, `sent`, a variant id…). */
export function sourceHandle(page: Page, nodeId: string, handleId: string): Locator {
  return page.locator(`.react-flow__handle.source[data-nodeid="${nodeId}"][data-handleid="${handleId}"]`);
}

/** A node's input handle. */
export function targetHandle(page: Page, nodeId: string): Locator {
  return page.locator(`.react-flow__handle.target[data-nodeid="${nodeId}"]`);
}

/** Draws an edge as a user does: press on the output handle, move to the target's input handle, release. */
export async function connectHandles(page: Page, source: string, handleId: string, target: string): Promise<void> {
  const from = await centreOf(sourceHandle(page, source, handleId));
  const to = await centreOf(targetHandle(page, target));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 2, from.y + (to.y - from.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** Selects a node by clicking its title, which opens it in the inspector. */
export async function selectNode(page: Page, nodeId: string): Promise<void> {
  await nodeOnCanvas(page, nodeId).locator('.journey-node-title').click();
}

/** The right-hand inspector panel. */
export function inspector(page: Page): Locator {
  return page.locator('.inspector');
}
