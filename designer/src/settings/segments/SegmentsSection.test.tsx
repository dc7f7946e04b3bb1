import type { JourneyDocument } from '@journey/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { JourneyRecord } from '../../api/journeys';
import { smallJourney } from '../../test/fixtures';
import { fakeRuntime, journeyRecord, type Routes, renderApp } from '../../test/runtime';
import type { Segment } from './segmentsApi';

const payroll: Segment = {
  id: 'payroll-30-50',
  name: 'Payroll customers 30–50',
  condition: { all: [{ attr: 'age', op: 'between', value: [30, 50] }, { hasTag: 'payroll' }] },
  createdAt: '2026-01-05T02:00:00.000Z',
};
const dormant: Segment = {
  id: 'dormant',
  name: 'Dormant cardholders',
  condition: { not: { attr: 'lastLogin', op: 'exists' } },
  createdAt: '2026-01-06T02:00:00.000Z',
};

/** A journey entering customers through `trigger`. */
function journeyWith(
  id: string,
  name: string,
  trigger: Record<string, unknown>,
  overrides: Partial<JourneyRecord> = {},
) {
  const document = smallJourney();
  const withTrigger: JourneyDocument = {
    ...document,
    id,
    name,
    nodes: document.nodes.map((node) => (node.type === 'trigger' ? { ...node, config: trigger } : node)),
  };
  return journeyRecord(withTrigger, overrides);
}

const journeys = [
  journeyWith('payroll-offer', 'Payroll offer', { kind: 'segment', segmentId: 'payroll-30-50' }, { status: 'live' }),
  journeyWith('monthly-payroll', 'Monthly payroll push', {
    kind: 'schedule',
    cron: '0 9 1 * *',
    audience: { segmentId: 'payroll-30-50' },
  }),
  journeyWith(
    'old-payroll',
    'Old payroll offer',
    { kind: 'segment', segmentId: 'payroll-30-50' },
    { status: 'archived' },
  ),
  journeyWith('card-welcome', 'Card welcome', { kind: 'event', event: 'card_activated' }),
];

function openSegments(routes: Routes = {}) {
  const runtime = fakeRuntime({
    'GET /v1/segments': { body: { segments: [payroll, dormant] } },
    'GET /v1/journeys': { body: { journeys } },
    'GET /v1/segments/payroll-30-50/count': { body: { count: 12480 } },
    'GET /v1/segments/dormant/count': { status: 500, body: { error: 'Internal Server Error', message: 'boom' } },
    ...routes,
  });
  renderApp('/settings/segments');
  return runtime;
}

const rowOf = async (name: string) => (await screen.findByRole('button', { name })).closest('tr') as HTMLElement;

describe('settings: segments', () => {
  it('lists segments with how many customers match now and the journeys that start from them', async () => {
    const runtime = openSegments();
    const row = await rowOf('Payroll customers 30–50');
    const cells = within(row).getAllByRole('cell');
    expect(cells[1]?.textContent).toBe('payroll-30-50');
    expect(await within(row).findByText('12,480')).toBeTruthy();
    // The live segment journey and the scheduled one with the segment as audience; not the archived one.
    expect(
      within(cells[3] as HTMLElement)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Payroll offer', 'Monthly payroll push']);
    expect(
      within(cells[3] as HTMLElement)
        .getByRole('link', { name: 'Payroll offer' })
        .getAttribute('href'),
    ).toBe('#/journeys/payroll-offer');
    expect(cells[3]?.textContent).toContain('Live');

    const other = within(await rowOf('Dormant cardholders')).getAllByRole('cell');
    expect(other[3]?.textContent).toBe('None');
    // Each row is counted on its own: one failing count leaves the others.
    await waitFor(() => expect(other[2]?.textContent).toBe('—'));
    expect(runtime.callsTo('GET', '/v1/segments/dormant/count')).toHaveLength(1);

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name or ID' }), 'DORM');
    expect(screen.queryByRole('button', { name: 'Payroll customers 30–50' })).toBeNull();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name or ID' }), 'zzz');
    expect(screen.getByText('No segment matches the search.')).toBeTruthy();
  });

  it('says what to do when there are no segments yet', async () => {
    openSegments({ 'GET /v1/segments': { body: { segments: [] } } });
    expect(await screen.findByText(/No segments yet. Create one/)).toBeTruthy();
  });

  it('shows a segment’s rule in words and a sample of its customers', async () => {
    openSegments({
      'GET /v1/segments/payroll-30-50/customers?limit=10': {
        body: {
          customers: [{ id: 'c001', attributes: { age: 41, job: 'admin.' }, tags: ['payroll', 'vip'] }],
          nextCursor: 'c001',
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Payroll customers 30–50' }));
    const detail = screen.getByRole('complementary', { name: 'Segment details' });
    expect(within(detail).getByRole('heading', { name: 'Payroll customers 30–50' })).toBeTruthy();
    const rule = within(detail).getByText('All of these').parentElement as HTMLElement;
    expect(
      within(rule)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['age between 30 – 50', 'Has tag payroll']);
    const sample = await within(detail).findByRole('table', { name: 'Sample of matching customers' });
    expect(
      within(sample)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
      // The attributes the rule compares: why the customer is in the segment.
    ).toEqual(['c001', 'age: 41', 'payroll, vip']);
    expect(within(detail).getByText('The first 1 by customer ID.')).toBeTruthy();
    expect(within(detail).getByText('12,480')).toBeTruthy();
  });

  it('creates a segment from profile rules, counting the matching customers before saving', async () => {
    const runtime = openSegments({
      'POST /v1/segments/preview': (body) => ({
        body: { count: JSON.stringify(body).includes('"value":60') ? 321 : 0 },
      }),
      'POST /v1/segments': (body) => ({
        status: 201,
        body: { ...(body as object), createdAt: '2026-02-01T00:00:00Z' },
      }),
      'GET /v1/segments/seniors/count': { body: { count: 321 } },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New segment' }));
    const dialog = screen.getByRole('dialog', { name: 'New segment' });
    const create = within(dialog).getByRole('button', { name: 'Create segment' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Seniors');
    expect((within(dialog).getByRole('textbox', { name: 'ID' }) as HTMLInputElement).value).toBe('seniors');
    expect(within(dialog).getByText('Fill in every rule to see how many customers match.')).toBeTruthy();
    expect(create).toHaveProperty('disabled', true);

    // A segment has no event: rules compare profile attributes and tags only.
    const subjects = within(dialog).getByRole('combobox', { name: 'Compare' });
    expect(
      within(subjects)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Profile', 'Has tag']);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Attribute' }), 'age');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Operator' }), 'gte');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Value' }), '60');
    expect(await within(dialog).findByText('321 customers match now')).toBeTruthy();
    expect(runtime.callsTo('POST', '/v1/segments/preview').at(-1)?.body).toEqual({
      condition: { all: [{ attr: 'age', op: 'gte', value: 60 }] },
    });

    await userEvent.click(create);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(runtime.callsTo('POST', '/v1/segments')[0]?.body).toEqual({
      id: 'seniors',
      name: 'Seniors',
      condition: { all: [{ attr: 'age', op: 'gte', value: 60 }] },
    });
    expect(await screen.findByText('Segment "Seniors" created')).toBeTruthy();
  });

  it('shows the runtime’s refusal next to the fields it names and keeps what was typed', async () => {
    let answer = {
      status: 400,
      body: {
        error: 'Bad Request',
        message: 'The condition has 1 problem(s)',
        issues: [
          { path: 'body.name', message: 'Too big' },
          { path: 'body.condition.all.0', message: '"gte" compares numbers' },
        ],
      },
    };
    openSegments({
      'POST /v1/segments/preview': { body: { count: 3 } },
      'POST /v1/segments': () => answer,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New segment' }));
    const dialog = screen.getByRole('dialog', { name: 'New segment' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'High earners');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Attribute' }), 'income');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Value' }), 'high');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create segment' }));

    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    expect(await within(dialog).findByText('Too big')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('alert').textContent).toBe('Rule 1: "gte" compares numbers');
    expect((name as HTMLInputElement).value).toBe('High earners');
    expect((within(dialog).getByRole('textbox', { name: 'Attribute' }) as HTMLInputElement).value).toBe('income');

    answer = { status: 409, body: { error: 'Conflict', message: 'Segment high-earners already exists', issues: [] } };
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create segment' }));
    expect(await within(dialog).findByText('A segment with the ID high-earners already exists.')).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: 'ID' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('offers no way to create segments to a role that may only read them', async () => {
    openSegments({ 'GET /v1/auth/me': { body: { name: 'Sam', role: 'supervisor' } } });
    await screen.findByRole('button', { name: 'Payroll customers 30–50' });
    expect(screen.getByText('Your role can view segments but not create them.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New segment' })).toBeNull();
  });
});
