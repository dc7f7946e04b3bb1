import { type BenefitPool, buildJourney, type UnitCosts } from '@journey/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeRuntime, journeyRecord, type Routes, renderApp } from '../../test/runtime';

const welcome: BenefitPool = {
  id: 'welcome-coupons',
  name: 'Welcome coupons',
  budget: 1000,
  granted: 950,
  remaining: 50,
  perCustomerLimit: 3,
  perCustomerPeriod: 'month',
};
const cashback: BenefitPool = {
  id: 'payroll-cashback',
  name: 'Payroll cash-back',
  budget: 5000,
  granted: 1200,
  remaining: 3800,
  perCustomerLimit: null,
  perCustomerPeriod: null,
};
const costs: UnitCosts = { channels: { sms: 0.05, callCenter: 4 }, benefitPools: { 'welcome-coupons': 10 } };

/** A live card welcome journey that grants from the welcome pool. */
const cardWelcome = journeyRecord(
  {
    ...buildJourney(
      'card-welcome',
      [
        ['activated', 'trigger', { kind: 'event', event: 'card_activated' }],
        ['coupon', 'benefit', { poolId: 'welcome-coupons' }],
        ['end', 'exit', {}],
      ],
      [
        ['activated', 'next', 'coupon'],
        ['coupon', 'granted', 'end'],
        ['coupon', 'unavailable', 'end'],
      ],
    ),
    name: 'Card welcome',
  },
  { status: 'live', liveVersion: 2 },
);

function openBudgets(routes: Routes = {}) {
  const runtime = fakeRuntime({
    'GET /v1/benefit-pools': { body: { pools: [cashback, welcome] } },
    'GET /v1/costs': { body: costs },
    'GET /v1/journeys': { body: { journeys: [cardWelcome] } },
    ...routes,
  });
  renderApp('/settings/budgets');
  return runtime;
}

const poolsTable = () => screen.getByRole('region', { name: 'Benefit pools' });
/** The pool's row in the pools table (the unit costs list the pools too). */
const poolRow = async (name: string) => {
  const pools = await screen.findByRole('region', { name: 'Benefit pools' });
  return (await within(pools).findByRole('rowheader', { name: new RegExp(name) })).closest('tr') as HTMLElement;
};
const costsForm = () => screen.getByRole('form', { name: 'Unit costs' });

describe('benefit budgets and costs', () => {
  it('lists each pool with its budget, what is granted and left, its limit and the journeys using it', async () => {
    openBudgets();
    const row = await poolRow('Welcome coupons');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1,000', '950', '50Running low', '95%', '3 a month', 'Card welcome', 'Edit']);
    expect(
      within(row).getByRole('progressbar', { name: 'Share of the budget of Welcome coupons granted' }),
    ).toHaveProperty('value', 950);
    expect(within(row).getByRole('link', { name: 'Card welcome' }).getAttribute('href')).toBe(
      '#/journeys/card-welcome',
    );
    const other = await poolRow('Payroll cash-back');
    expect(within(other).getByText('No limit')).toBeTruthy();
    expect(within(other).getByText('No journey')).toBeTruthy();
    expect(within(other).queryByText('Running low')).toBeNull();
  });

  it('says so when there is no pool yet', async () => {
    openBudgets({ 'GET /v1/benefit-pools': { body: { pools: [] } } });
    expect(await screen.findByText(/No benefit pools yet\. Create one/)).toBeTruthy();
  });

  it('creates a pool under an id from its name, with a limit per customer', async () => {
    const runtime = openBudgets({
      'POST /v1/benefit-pools': (body) => ({
        status: 201,
        body: { ...(body as BenefitPool), granted: 0, remaining: (body as BenefitPool).budget },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New pool' }));
    const dialog = screen.getByRole('dialog', { name: 'New benefit pool' });
    const create = within(dialog).getByRole('button', { name: 'Create pool' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Wealth points');
    expect((within(dialog).getByRole('textbox', { name: 'Id' }) as HTMLInputElement).value).toBe('wealth-points');
    await userEvent.type(within(dialog).getByRole('spinbutton', { name: 'Budget (units)' }), '20000');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Limit period' }), 'week');
    expect(create.disabled).toBe(true);
    await userEvent.type(within(dialog).getByRole('spinbutton', { name: 'Units per customer' }), '2');
    await userEvent.click(create);
    expect(await screen.findByText('Created the pool “Wealth points”')).toBeTruthy();
    expect(runtime.callsTo('POST', '/v1/benefit-pools').map((call) => call.body)).toEqual([
      { id: 'wealth-points', name: 'Wealth points', budget: 20000, perCustomerLimit: 2, perCustomerPeriod: 'week' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(runtime.callsTo('GET', '/v1/benefit-pools').length).toBe(2));
  });

  it('shows a budget below what is granted at the budget field, keeping the edits, then saves', async () => {
    let refuse = true;
    const runtime = openBudgets({
      'PUT /v1/benefit-pools/welcome-coupons': (body) =>
        refuse
          ? {
              status: 409,
              body: {
                error: 'Conflict',
                message: 'Benefit pool welcome-coupons has already granted 950 units; its budget cannot go below 950',
              },
            }
          : { body: { ...welcome, ...(body as object), remaining: 50 } },
    });
    await userEvent.click(
      within(await poolRow('Welcome coupons')).getByRole('button', { name: 'Edit Welcome coupons' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Edit “Welcome coupons”' });
    expect(within(dialog).getByText('950 granted so far: the budget cannot go below that.')).toBeTruthy();
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Welcome coupons Q2');
    const budget = within(dialog).getByRole('spinbutton', { name: 'Budget (units)' });
    await userEvent.clear(budget);
    await userEvent.type(budget, '900');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const refusal = await within(dialog).findByText(/its budget cannot go below 950/);
    expect(budget.getAttribute('aria-describedby')).toBe(refusal.id);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect((name as HTMLInputElement).value).toBe('Welcome coupons Q2');

    refuse = false;
    await userEvent.clear(budget);
    await userEvent.type(budget, '1000');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved the pool “Welcome coupons Q2”')).toBeTruthy();
    expect(runtime.callsTo('PUT', '/v1/benefit-pools/welcome-coupons').map((call) => call.body)).toEqual([
      { name: 'Welcome coupons Q2', budget: 900, perCustomerLimit: 3, perCustomerPeriod: 'month' },
      { name: 'Welcome coupons Q2', budget: 1000, perCustomerLimit: 3, perCustomerPeriod: 'month' },
    ]);
  });

  it('edits unit costs for every channel and pool in place and saves them with one PUT', async () => {
    const runtime = openBudgets({
      'PUT /v1/costs': (body) =>
        (body as UnitCosts).benefitPools['payroll-cashback'] === 0
          ? {
              status: 400,
              body: {
                error: 'Bad Request',
                message: 'Unknown benefit pool payroll-cashback',
                issues: [{ path: 'body.benefitPools.payroll-cashback', message: 'no benefit pool "payroll-cashback"' }],
              },
            }
          : { body },
    });
    await screen.findByRole('form', { name: 'Unit costs' });
    const form = costsForm();
    const rows = within(form)
      .getAllByRole('rowheader')
      .map((header) => header.textContent);
    expect(rows).toEqual([
      'SMS',
      'Push',
      'WeChat',
      'Email',
      'In-app',
      'Call center',
      'Branch task',
      'Webhook',
      'Payroll cash-backpayroll-cashback',
      'Welcome couponswelcome-coupons',
    ]);
    const cost = (name: string) =>
      within(form).getByRole('spinbutton', { name: `Cost of ${name}` }) as HTMLInputElement;
    expect(cost('SMS').value).toBe('0.05');
    expect(cost('WeChat').value).toBe('');
    expect((within(form).getByRole('button', { name: 'Save costs' }) as HTMLButtonElement).disabled).toBe(true);

    await userEvent.type(cost('WeChat'), '0.02');
    await userEvent.type(cost('Payroll cash-back'), '0');
    await userEvent.click(within(form).getByRole('button', { name: 'Save costs' }));
    const issue = await within(form).findByText('no benefit pool "payroll-cashback"');
    expect(cost('Payroll cash-back').getAttribute('aria-describedby')).toBe(issue.id);
    expect(cost('WeChat').value).toBe('0.02');

    await userEvent.clear(cost('Payroll cash-back'));
    await userEvent.click(within(form).getByRole('button', { name: 'Save costs' }));
    expect(await screen.findByText('Unit costs saved')).toBeTruthy();
    expect(runtime.callsTo('PUT', '/v1/costs').map((call) => call.body)).toEqual([
      {
        channels: { sms: 0.05, wechat: 0.02, callCenter: 4 },
        benefitPools: { 'payroll-cashback': 0, 'welcome-coupons': 10 },
      },
      { channels: { sms: 0.05, wechat: 0.02, callCenter: 4 }, benefitPools: { 'welcome-coupons': 10 } },
    ]);
    expect(within(form).queryByText('Unsaved changes')).toBeNull();
  });

  it('is read-only for someone who may not change budgets', async () => {
    openBudgets({ 'GET /v1/auth/me': { body: { name: 'Sam', role: 'supervisor' } } });
    await poolRow('Welcome coupons');
    expect(screen.getByText(/changing them needs a role with budget rights/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New pool' })).toBeNull();
    expect(within(poolsTable()).queryByRole('button', { name: /Edit/ })).toBeNull();
    await screen.findByRole('form', { name: 'Unit costs' });
    expect(within(costsForm()).getByRole('spinbutton', { name: 'Cost of SMS' }).matches(':disabled')).toBe(true);
    expect(within(costsForm()).queryByRole('button', { name: 'Save costs' })).toBeNull();
  });
});
