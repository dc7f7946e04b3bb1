import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeRuntime, type Routes, renderApp } from '../../test/runtime';
import type { ApiKey, RuntimeSettings } from './accessApi';

const admin: ApiKey = {
  id: 'k-admin',
  name: 'admin',
  role: 'admin',
  createdAt: '2026-01-05T02:00:00.000Z',
  createdBy: null,
  lastUsedAt: '2026-01-06T02:00:00.000Z',
  revokedAt: null,
};
const grace: ApiKey = {
  ...admin,
  id: 'k-grace',
  name: 'Grace Wu',
  createdBy: 'admin',
  lastUsedAt: null,
};
const wallScreen: ApiKey = { ...grace, id: 'k-wall', name: 'War-room screen', role: 'supervisor' };
const formerStrategist: ApiKey = {
  ...grace,
  id: 'k-zhou',
  name: 'Zhou Min',
  role: 'strategist',
  revokedAt: '2026-01-07T02:00:00.000Z',
};
const settings = (enabled: boolean, enforced = false): RuntimeSettings => ({
  makerChecker: { enabled, enforced },
  creativeApproval: { enabled: false, enforced: false },
});

/** The access section, signed in as Grace (an admin) unless the routes say otherwise. */
function openAccess(routes: Routes = {}) {
  const runtime = fakeRuntime({
    'GET /v1/auth/me': { body: { name: 'Grace Wu', role: 'admin', keyId: 'k-grace' } },
    'GET /v1/admin/keys': { body: { keys: [admin, grace, wallScreen, formerStrategist] } },
    'GET /v1/admin/settings': { body: settings(false) },
    ...routes,
  });
  renderApp('/settings/access');
  return runtime;
}

const keyTable = () => screen.findByRole('table');
const rowOf = async (name: string) =>
  (await within(await keyTable()).findByText(name, { selector: 'strong' })).closest('tr') as HTMLElement;
const listedNames = () =>
  within(screen.getByRole('table'))
    .queryAllByText(/.+/, { selector: 'strong' })
    .map((name) => name.textContent);

describe('people and access', () => {
  it('lists the keys with what each role may do, the signed-in user’s own key marked, and filters them', async () => {
    openAccess();
    const own = await rowOf('Grace Wu');
    expect(within(own).getByText('You')).toBeTruthy();
    expect(within(own).getByText('Never')).toBeTruthy();
    expect(within(own).getByText('by admin')).toBeTruthy();
    expect(within(await rowOf('admin')).getByText('by the runtime at first start')).toBeTruthy();
    expect(within(await rowOf('admin')).queryByText('You')).toBeNull();

    // What a role may do comes from the grants the runtime checks with.
    expect(
      within(own).getByText('May do everything, including managing keys, settings, branches and staff.'),
    ).toBeTruthy();
    expect(within(await rowOf('War-room screen')).getByText('Supervisor').nextSibling?.textContent).toBe(
      'May see journeys, results, customers and the audit log.',
    );
    const strategist = within(await rowOf('Zhou Min')).getByText('Strategist').nextSibling?.textContent;
    expect(strategist).toContain('publish, pause, resume and archive journeys');
    expect(strategist).toContain('manage benefit pools and unit costs');
    expect(strategist).not.toContain('manage keys');

    // A revoked key says so and cannot be revoked again.
    const revoked = await rowOf('Zhou Min');
    expect(within(revoked).getByText('Revoked')).toBeTruthy();
    expect(within(revoked).queryByRole('button')).toBeNull();
    expect(screen.getByText('3 active · 1 revoked')).toBeTruthy();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Hide revoked keys' }));
    expect(listedNames()).toEqual(['admin', 'Grace Wu', 'War-room screen']);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'SCREEN');
    expect(listedNames()).toEqual(['War-room screen']);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'zzz');
    expect(screen.getByText('No key matches the filter.')).toBeTruthy();
  });

  it('says what to do when there are no keys yet, and that keys wait for authentication to be on', async () => {
    openAccess({
      'GET /v1/auth/me': { body: { name: 'local', role: 'admin', keyId: null } },
      'GET /v1/admin/keys': { body: { keys: [] } },
    });
    expect(await screen.findByText(/No API keys yet/)).toBeTruthy();
    expect(screen.getByText(/runs without authentication/)).toBeTruthy();
  });

  it('creates a key and shows it once, with a copy button and the warning that it cannot be shown again', async () => {
    const user = userEvent.setup();
    const liNa: ApiKey = { ...grace, id: 'k-li', name: 'Li Na', role: 'strategist' };
    let keys = [admin, grace];
    const runtime = openAccess({
      'GET /v1/admin/keys': () => ({ body: { keys } }),
      'POST /v1/admin/keys': () => {
        keys = [...keys, liNa];
        return { status: 201, body: { ...liNa, key: 'jk_secret-for-li-na' } };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'New key' }));
    const form = screen.getByRole('dialog', { name: 'New API key' });
    expect(within(form).getByRole('button', { name: 'Create key' })).toHaveProperty('disabled', true);
    await user.type(within(form).getByRole('textbox', { name: 'Held by' }), '  Li Na ');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Role' }), 'strategist');
    expect(within(form).getByText(/May see journeys.*publish, pause, resume/)).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Create key' }));

    const secret = await screen.findByRole('dialog', { name: 'Key for Li Na' });
    expect(runtime.callsTo('POST', '/v1/admin/keys').map((call) => call.body)).toEqual([
      { name: 'Li Na', role: 'strategist' },
    ]);
    expect(within(secret).getByRole('alert').textContent).toContain('it is shown only this once');
    expect(within(secret).getByRole('textbox', { name: 'API key' })).toHaveProperty('value', 'jk_secret-for-li-na');
    await user.click(within(secret).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('jk_secret-for-li-na');
    expect(within(secret).getByRole('button', { name: 'Copied' })).toBeTruthy();

    await user.click(within(secret).getByRole('button', { name: 'I have stored the key' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByDisplayValue('jk_secret-for-li-na')).toBeNull();
    expect(await rowOf('Li Na')).toBeTruthy();
  });

  it('shows a refused name next to the name field and keeps what was typed', async () => {
    openAccess({
      'POST /v1/admin/keys': {
        status: 400,
        body: {
          error: 'Bad Request',
          message: 'Invalid request',
          issues: [{ path: 'body.name', message: 'Too big: expected string to have <=128 characters' }],
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New key' }));
    const form = screen.getByRole('dialog', { name: 'New API key' });
    const name = within(form).getByRole('textbox', { name: 'Held by' });
    await userEvent.type(name, 'CRM sync');
    await userEvent.click(within(form).getByRole('button', { name: 'Create key' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(name.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Too big: expected string to have <=128 characters',
    );
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(name).toHaveProperty('value', 'CRM sync');
  });

  it('revokes a key only after confirming, and shows a refusal in the dialog', async () => {
    const runtime = openAccess({
      'DELETE /v1/admin/keys/k-wall': { body: { ...wallScreen, revokedAt: '2026-01-08T02:00:00.000Z' } },
      'DELETE /v1/admin/keys/k-admin': {
        status: 409,
        body: { error: 'Conflict', message: 'This is the last active admin key; create another admin key first' },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke the key of War-room screen' }));
    let dialog = screen.getByRole('dialog', { name: 'Revoke the key of War-room screen?' });
    expect(within(dialog).queryByText(/signed in with/)).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(runtime.callsTo('DELETE', '/v1/admin/keys/k-wall')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Revoke the key of War-room screen' }));
    dialog = screen.getByRole('dialog', { name: 'Revoke the key of War-room screen?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText('Revoked the key of War-room screen')).toBeTruthy();
    expect(runtime.callsTo('DELETE', '/v1/admin/keys/k-wall')).toHaveLength(1);
    await waitFor(() => expect(runtime.callsTo('GET', '/v1/admin/keys').length).toBe(2));

    await userEvent.click(screen.getByRole('button', { name: 'Revoke the key of admin' }));
    dialog = screen.getByRole('dialog', { name: 'Revoke the key of admin?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('last active admin key');
    expect(screen.getByRole('dialog', { name: 'Revoke the key of admin?' })).toBeTruthy();
  });

  it('warns that revoking one’s own key ends the session', async () => {
    openAccess();
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke the key of Grace Wu' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke the key of Grace Wu?' });
    expect(
      within(dialog).getByText(/This is the key you are signed in with\. Revoking it ends your session/),
    ).toBeTruthy();
  });

  it('turns maker-checker on at once and off only after confirming', async () => {
    const runtime = openAccess({
      'PUT /v1/admin/settings': (body) => ({ body: settings((body as { makerChecker: boolean }).makerChecker) }),
    });
    const toggle = await screen.findByRole('switch', { name: 'Publishing needs a second person’s approval' });
    await waitFor(() => expect(toggle).toHaveProperty('disabled', false));
    expect(toggle).toHaveProperty('checked', false);
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveProperty('checked', true));
    expect(await screen.findByText('Publishing now needs a second person’s approval')).toBeTruthy();

    await userEvent.click(toggle);
    const dialog = screen.getByRole('dialog', { name: 'Turn off publishing approval?' });
    expect(runtime.callsTo('PUT', '/v1/admin/settings').map((call) => call.body)).toEqual([{ makerChecker: true }]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(toggle).toHaveProperty('checked', false));
    expect(runtime.callsTo('PUT', '/v1/admin/settings').map((call) => call.body)).toEqual([
      { makerChecker: true },
      { makerChecker: false },
    ]);
  });

  it('switches creative approval on its own, beside maker-checker, and keeps it on when the environment requires it', async () => {
    const withApproval = (enabled: boolean, enforced = false): RuntimeSettings => ({
      ...settings(false),
      creativeApproval: { enabled, enforced },
    });
    const runtime = openAccess({
      'PUT /v1/admin/settings': (body) => ({
        body: withApproval((body as { creativeApproval: boolean }).creativeApproval),
      }),
    });
    const toggle = await screen.findByRole('switch', { name: 'Publishing sends only approved creative text' });
    await waitFor(() => expect(toggle).toHaveProperty('disabled', false));
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveProperty('checked', true));
    expect(await screen.findByText('Publishing now sends only approved creative text')).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Publishing needs a second person’s approval' })).toHaveProperty(
      'checked',
      false,
    );
    await userEvent.click(toggle);
    const dialog = screen.getByRole('dialog', { name: 'Turn off creative approval?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(toggle).toHaveProperty('checked', false));
    expect(runtime.callsTo('PUT', '/v1/admin/settings').map((call) => call.body)).toEqual([
      { creativeApproval: true },
      { creativeApproval: false },
    ]);
  });

  it('keeps creative approval on, and says why, when the environment requires it', async () => {
    openAccess({
      'GET /v1/admin/settings': {
        body: { ...settings(false), creativeApproval: { enabled: true, enforced: true } } satisfies RuntimeSettings,
      },
    });
    const toggle = await screen.findByRole('switch', { name: 'Publishing sends only approved creative text' });
    await waitFor(() => expect(toggle).toHaveProperty('checked', true));
    expect(toggle).toHaveProperty('disabled', true);
    expect(document.getElementById(toggle.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'JOURNEY_CREATIVE_APPROVAL=on',
    );
  });

  it('keeps maker-checker on, and says why, when the environment requires it', async () => {
    openAccess({ 'GET /v1/admin/settings': { body: settings(true, true) } });
    const toggle = await screen.findByRole('switch', { name: 'Publishing needs a second person’s approval' });
    await waitFor(() => expect(toggle).toHaveProperty('checked', true));
    expect(toggle).toHaveProperty('disabled', true);
    expect(document.getElementById(toggle.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'JOURNEY_MAKER_CHECKER=on',
    );
  });

  it('is not offered to those who are not administrators', async () => {
    const runtime = openAccess({ 'GET /v1/auth/me': { body: { name: 'Sam', role: 'supervisor', keyId: 'k-sam' } } });
    await screen.findByRole('navigation', { name: 'Settings sections' });
    expect(screen.queryByRole('link', { name: 'People and access' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New key' })).toBeNull();
    expect(runtime.callsTo('GET', '/v1/admin/keys')).toEqual([]);
  });
});
