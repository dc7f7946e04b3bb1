import type { StaffDto, TaskDto } from '@journey/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n';
import { fakeRuntime } from '../test/runtime';
import { useToasts } from '../ui/toasts';
import { TaskInbox } from './TaskInbox';

const NOW = new Date('2026-03-02T02:00:00.000Z');

function task(id: number, customerId: string, summary: Record<string, unknown>, dueAt: string): TaskDto {
  return {
    id,
    journeyId: 'branch-visit',
    version: 1,
    nodeId: 'greet',
    channel: 'branchTask',
    branch: 'B1',
    assignee: 'rm1',
    assignedBy: 'rm',
    title: null,
    script: `Offer ${summary.name ?? customerId} the 1-year deposit`,
    customer: { id: customerId, summary },
    status: 'open',
    dueAt,
    overdueAt: null,
    createdAt: '2026-03-01T02:00:00.000Z',
    completedAt: null,
    outcome: null,
    note: null,
    product: null,
    amount: null,
  };
}

const liNa = task(1, 'c1', { name: 'Li Na', age: 41, job: 'teacher' }, '2026-03-02T01:00:00.000Z');
const zhou = task(2, 'c2', {}, '2026-03-04T02:00:00.000Z');
const staff: StaffDto[] = [
  {
    id: 'rm1',
    name: 'Li Wei',
    role: 'rm',
    orgUnitId: 'B1',
    active: true,
    referralCode: 'LW01',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
];

function openInbox(search: string, tasks: TaskDto[]) {
  window.history.replaceState(null, '', `/${search}`);
  let open = tasks;
  const runtime = fakeRuntime({
    'GET /v1/staff?active=true': { body: { staff } },
    'GET /v1/tasks?assignee=rm1&status=open': () => ({ body: { tasks: open } }),
    'POST /v1/tasks/1/complete': (body) => {
      open = open.filter((candidate) => candidate.id !== 1);
      return { body: { ...liNa, status: 'done', ...(body as object) } };
    },
    'POST /v1/tasks/2/complete': { status: 409, body: { error: 'Conflict', message: 'Task 2 is already done' } },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <TaskInbox />
    </QueryClientProvider>,
  );
  return runtime;
}

const card = async (name: string) => (await screen.findByRole('article', { name })) as HTMLElement;

beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
afterEach(() => {
  vi.useRealTimers();
  setLocale('en');
  useToasts.setState({ toasts: [] });
});

describe('task inbox', () => {
  it("shows the assignee's open tasks with the customer card and script, soonest first", async () => {
    openInbox('?assignee=rm1', [liNa, zhou]);
    const first = await card('Li Na');
    expect(within(first).getByText('Overdue')).toBeTruthy();
    expect(within(first).getByText('Offer Li Na the 1-year deposit')).toBeTruthy();
    const customerCard = within(first).getByLabelText('Customer');
    expect([...customerCard.children].map((row) => row.textContent)).toEqual([
      'Customer idc1',
      'nameLi Na',
      'age41',
      'jobteacher',
    ]);
    // A customer without a name goes by their id; the due time is relative to now.
    expect(within(await card('c2')).getByText('Due in 2 days')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Li Na', 'c2']);
  });

  it('records an outcome with one tap, with the amount, and drops the task from the list', async () => {
    const user = userEvent.setup();
    const runtime = openInbox('?assignee=rm1', [liNa, zhou]);
    const first = await card('Li Na');
    await user.type(within(first).getByLabelText('Amount (if sold)'), '50000');
    await user.click(within(first).getByRole('button', { name: 'Sold' }));

    expect(runtime.callsTo('POST', '/v1/tasks/1/complete').map((call) => call.body)).toEqual([
      { outcome: 'sold', amount: 50000 },
    ]);
    expect((await screen.findByRole('status')).textContent).toBe('Li Na: Sold, recorded');
    await vi.waitFor(() => expect(screen.queryByRole('article', { name: 'Li Na' })).toBeNull());
    expect(screen.getByRole('article', { name: 'c2' })).toBeTruthy();
  });

  it('tells when an outcome could not be recorded', async () => {
    const user = userEvent.setup();
    openInbox('?assignee=rm1', [zhou]);
    await user.click(within(await card('c2')).getByRole('button', { name: 'Declined' }));
    await vi.waitFor(() =>
      expect(useToasts.getState().toasts).toMatchObject([
        { tone: 'error', title: 'The outcome could not be recorded', detail: 'Task 2 is already done' },
      ]),
    );
  });

  it('lets a staff member pick themselves, in Chinese', async () => {
    const user = userEvent.setup();
    setLocale('zh-CN');
    openInbox('', [liNa]);
    expect(screen.getByText('选择一位员工，查看其待办任务。')).toBeTruthy();
    await user.selectOptions(
      screen.getByLabelText('员工'),
      await screen.findByRole('option', { name: 'Li Wei (rm1)' }),
    );
    const first = await card('Li Na');
    expect(within(first).getByText('已逾期')).toBeTruthy();
    expect(
      within(first)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['已成交', '有意向', '已拒绝', '联系不上']);
  });
});
