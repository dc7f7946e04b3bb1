import { buildJourney } from '@journey/shared';
import { expect, inject, it } from 'vitest';
import { RuntimeApi, uniqueId } from '../src/api';
import { useBrowser } from '../src/browser';

const browser = useBrowser();
const api = new RuntimeApi(inject('baseUrl'));

it('lets a relationship manager complete a branch task with one tap, which moves the journey on', async () => {
  const session = await browser.session('task-inbox');
  const { page, step } = session;
  const journeyId = uniqueId('e2e-task');
  const headOffice = `${journeyId}-ho`;
  const branch = `${journeyId}-branch`;
  const rm = `${journeyId}-rm`;
  const customerId = `${journeyId}-customer`;
  const visit = `${journeyId}-visit`;

  await api.putOrgUnit(headOffice, { name: 'Head office', kind: 'headOffice' });
  await api.putOrgUnit(branch, { name: 'Pudong branch', kind: 'branch', parentId: headOffice });
  await api.putStaff(rm, { name: 'Li Wei', role: 'rm', orgUnitId: branch, referralCode: `${journeyId}-code` });
  await api.putCustomer(customerId, { name: 'Zhang Min', branch, rm });
  await api.createAndPublish(
    buildJourney(
      journeyId,
      [
        ['visit', 'trigger', { kind: 'event', event: visit }],
        [
          'rm-task',
          'message',
          {
            channel: 'branchTask',
            template: { title: 'Deposit offer', body: 'Offer {{profile.name}} the 1-year deposit' },
          },
        ],
        [
          'await-sale',
          'waitForEvent',
          { event: 'task_completed', where: { event: 'outcome', op: 'eq', value: 'sold' }, within: 'P3D' },
        ],
        ['sold', 'exit', {}],
        ['no-sale', 'exit', {}],
      ],
      [
        ['visit', 'next', 'rm-task'],
        ['rm-task', 'sent', 'await-sale'],
        ['await-sale', 'matched', 'sold'],
        ['await-sale', 'timeout', 'no-sale'],
      ],
    ),
  );

  // The visit issues a task to the customer's RM once the message is dispatched.
  await api.sendEvents([{ eventId: uniqueId('evt'), customerId, type: visit }]);
  await api.advanceClock('PT1M');
  await expect.poll(() => api.tasks({ assignee: rm, status: 'open' })).toHaveLength(1);
  await expect
    .poll(async () => (await api.customerJourneys(customerId)).map(({ node, status }) => ({ node, status })))
    .toEqual([{ node: 'await-sale', status: 'active' }]);

  // The link an RM is sent: the staff member as a query inside the hash route.
  await page.goto(`${session.baseUrl}/#/tasks?assignee=${encodeURIComponent(rm)}`);
  const card = page.getByRole('article', { name: 'Zhang Min' });
  await card.waitFor();
  expect(await card.textContent()).toContain('Offer Zhang Min the 1-year deposit');
  await step('inbox');

  await card.getByRole('button', { name: 'Sold' }).click();
  await page.getByRole('status').getByText('Zhang Min: Sold, recorded').waitFor();
  await page.getByText('No open tasks.').waitFor();
  await step('task completed');

  const [task] = await api.tasks({ assignee: rm });
  expect(task).toMatchObject({ status: 'done', outcome: 'sold', customer: { id: customerId } });
  const [instance] = await api.customerJourneys(customerId);
  expect(instance).toMatchObject({ journeyId, status: 'completed' });
  // The outcome event took the "matched" way out of the wait, into the "sold" exit.
  expect(instance?.trace).toContainEqual(
    expect.objectContaining({
      cause: 'task_completed',
      fromNode: 'await-sale',
      detail: {
        actions: expect.arrayContaining([
          expect.objectContaining({ type: 'traverse', nodeId: 'await-sale', handle: 'matched', target: 'sold' }),
        ]),
      },
    }),
  );
  expect(session.pageErrors).toEqual([]);
});
