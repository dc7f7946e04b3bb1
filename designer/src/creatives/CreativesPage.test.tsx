import type { Creative, CreativeDetail, CreativeInput } from '@journey/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeRuntime, type Routes, renderApp } from '../test/runtime';

const renewal: Creative = {
  id: 'renewal-offer',
  name: 'Renewal offer',
  channel: 'sms',
  body: 'Hi {{profile.name}}, your deposit matures soon.\nReply 1 to renew.',
  revision: 3,
  updatedAt: '2026-01-05T02:00:00.000Z',
  updatedBy: 'Grace',
  approval: { state: 'notApproved' },
};
const welcomePush: Creative = {
  id: 'welcome-push',
  name: 'Card welcome',
  channel: 'push',
  title: 'Welcome',
  body: 'Your {{profile.cardTier}} card is ready',
  revision: 1,
  updatedAt: '2026-01-04T02:00:00.000Z',
  approval: {
    state: 'approved',
    approvedRevision: 1,
    approvedBy: 'Wang Fang',
    approvedAt: '2026-01-04T03:00:00.000Z',
    approvedTitle: 'Welcome',
    approvedBody: 'Your {{profile.cardTier}} card is ready',
  },
};
const renewalDetail: CreativeDetail = {
  ...renewal,
  usedBy: [{ journeyId: 'wealth-maturity', journeyName: 'Wealth maturity', nodeIds: ['offer'], where: 'live' }],
};

function openLibrary(path: string, routes: Routes = {}) {
  const runtime = fakeRuntime({
    'GET /v1/creatives': { body: { creatives: [welcomePush, renewal] } },
    'GET /v1/creatives/renewal-offer': { body: renewalDetail },
    ...routes,
  });
  renderApp(path);
  return runtime;
}

const listedNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('message library', () => {
  it('lists creatives with channel and first line, filtered by channel and searched by text', async () => {
    openLibrary('/creatives');
    const row = (await screen.findByRole('link', { name: 'Renewal offer' })).closest('tr') as HTMLElement;
    const cells = within(row).getAllByRole('cell');
    expect(cells.slice(0, 4).map((cell) => cell.textContent)).toEqual([
      'Renewal offer',
      'SMS',
      'Hi {{profile.name}}, your deposit matures soon.',
      'Not approved',
    ]);
    expect(cells[4]?.textContent).toContain('Grace');
    const welcomeRow = screen.getByRole('link', { name: 'Card welcome' }).closest('tr') as HTMLElement;
    expect(within(welcomeRow).getByText('Approved').className).toContain('approval-approved');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show creatives of a channel' }), 'push');
    expect(listedNames()).toEqual(['Card welcome']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show creatives of a channel' }), '');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name or text' }), 'MATURES');
    expect(listedNames()).toEqual(['Renewal offer']);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name or text' }), 'zzz');
    expect(screen.getByText('No creative matches the filter.')).toBeTruthy();
  });

  it('opens a creative with a preview and the journeys that use it', async () => {
    openLibrary('/creatives');
    await userEvent.click(await screen.findByRole('link', { name: 'Renewal offer' }));
    expect(window.location.hash).toBe('#/creatives/renewal-offer');
    const form = await screen.findByRole('form', { name: 'Renewal offer' });
    expect(within(form).getByRole('figure').textContent).toContain('Hi Alex Chen, your deposit matures soon.');
    const usedBy = within(form).getByRole('region', { name: 'Used by' });
    expect(within(usedBy).getByRole('link', { name: 'Wealth maturity' }).getAttribute('href')).toBe(
      '#/journeys/wealth-maturity',
    );
    expect(usedBy.textContent).toContain('Live');
  });

  it('saves over the revision it loaded, and says when someone else changed it since', async () => {
    let stale = false;
    const runtime = openLibrary('/creatives/renewal-offer', {
      'PUT /v1/creatives/renewal-offer': (body) =>
        stale
          ? { status: 412, body: { error: 'Precondition Failed', message: 'The creative has changed' } }
          : { body: { ...renewal, ...(body as CreativeInput), revision: 4 } },
    });
    const form = await screen.findByRole('form', { name: 'Renewal offer' });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Renewal offer (2026)');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved “Renewal offer (2026)”')).toBeTruthy();
    const [first] = runtime.callsTo('PUT', '/v1/creatives/renewal-offer');
    expect(first?.ifMatch).toBe('"3"');
    expect(first?.body).toEqual({ name: 'Renewal offer (2026)', channel: 'sms', body: renewal.body });

    // The next save names the revision the first one made; this time another person got there first.
    stale = true;
    await userEvent.type(within(form).getByRole('textbox', { name: 'Text' }), '!');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this creative since you opened it');
    expect(runtime.callsTo('PUT', '/v1/creatives/renewal-offer').map((call) => call.ifMatch)).toEqual(['"3"', '"4"']);

    await userEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(runtime.callsTo('GET', '/v1/creatives/renewal-offer').length).toBeGreaterThan(1));
    const reloaded = await screen.findByRole('form', { name: 'Renewal offer' });
    expect((within(reloaded).getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement).value).toBe(renewal.body);
    expect(within(reloaded).queryByRole('alert')).toBeNull();
  });

  it('creates a creative under an id from its name, without If-Match, and opens it', async () => {
    const runtime = openLibrary('/creatives', {
      'PUT /v1/creatives/birthday-greeting': (body) => ({
        status: 201,
        body: { ...(body as CreativeInput), id: 'birthday-greeting', revision: 1, updatedAt: renewal.updatedAt },
      }),
      'GET /v1/creatives/birthday-greeting': { body: { ...renewal, id: 'birthday-greeting', usedBy: [] } },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New creative' }));
    const form = screen.getByRole('form', { name: 'New creative' });
    const save = within(form).getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await userEvent.type(within(form).getByRole('textbox', { name: 'Name' }), 'Birthday greeting');
    expect((within(form).getByRole('textbox', { name: 'Id' }) as HTMLInputElement).value).toBe('birthday-greeting');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Channel' }), 'wechat');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Text' }), 'Happy birthday, ');
    await userEvent.click(within(form).getByRole('button', { name: 'name' }));
    await userEvent.click(save);
    await waitFor(() => expect(window.location.hash).toBe('#/creatives/birthday-greeting'));
    const [put] = runtime.callsTo('PUT', '/v1/creatives/birthday-greeting');
    expect(put?.ifMatch).toBeNull();
    expect(put?.body).toEqual({
      name: 'Birthday greeting',
      channel: 'wechat',
      body: 'Happy birthday, {{profile.name}}',
    });
  });

  it('deletes after a confirmation, and lists the journeys that still use it when refused', async () => {
    const runtime = openLibrary('/creatives/renewal-offer', {
      'DELETE /v1/creatives/renewal-offer': {
        status: 409,
        body: { error: 'Conflict', message: 'Creative renewal-offer is used by Wealth maturity (live)' },
      },
    });
    const form = await screen.findByRole('form', { name: 'Renewal offer' });
    await userEvent.click(within(form).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Renewal offer”?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The creative is still in use');
    expect(alert.textContent).toContain('Creative renewal-offer is used by Wealth maturity (live)');
    expect(within(alert).getByRole('link', { name: 'Wealth maturity' }).getAttribute('href')).toBe(
      '#/journeys/wealth-maturity',
    );
    expect(runtime.callsTo('DELETE', '/v1/creatives/renewal-offer')).toHaveLength(1);
    expect(window.location.hash).toBe('#/creatives/renewal-offer');
  });

  it('deletes a creative nobody uses and goes back to the list', async () => {
    openLibrary('/creatives/renewal-offer', {
      'GET /v1/creatives/renewal-offer': { body: { ...renewal, usedBy: [] } },
      'DELETE /v1/creatives/renewal-offer': { status: 204 },
    });
    const form = await screen.findByRole('form', { name: 'Renewal offer' });
    expect(within(form).getByText('No journey uses it.')).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Delete' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted “Renewal offer”')).toBeTruthy();
    expect(window.location.hash).toBe('#/creatives');
  });

  it('is read-only for someone who may not edit journeys', async () => {
    openLibrary('/creatives/renewal-offer', { 'GET /v1/auth/me': { body: { name: 'Sam', role: 'supervisor' } } });
    const form = await screen.findByRole('form', { name: 'Renewal offer' });
    expect(within(form).getByText(/changing it needs permission to edit journeys/)).toBeTruthy();
    // The fieldset disables them all (jsdom, like browsers, reports it through :disabled).
    expect(within(form).getByRole('textbox', { name: 'Name' }).matches(':disabled')).toBe(true);
    expect(within(form).queryByRole('button', { name: 'Save' })).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New creative' })).toBeNull();
  });
});

describe('compliance approval in the library', () => {
  /** Renewal offer approved at revision 3, then edited (revision 4): its words now differ from the approved ones. */
  const edited: CreativeDetail = {
    ...renewalDetail,
    body: 'Renew today at 2.8%',
    revision: 4,
    updatedBy: 'Grace',
    approval: {
      state: 'changesPending',
      approvedRevision: 3,
      approvedBy: 'Wang Fang',
      approvedAt: '2026-01-05T03:00:00.000Z',
      approvedBody: renewal.body,
    },
  };

  it('shows the approved words beside the working ones, and approves the revision saved here', async () => {
    const approved: Creative = {
      ...edited,
      approval: {
        state: 'approved',
        approvedRevision: 4,
        approvedBy: 'Wang Fang',
        approvedAt: '2026-01-05T04:00:00.000Z',
        approvedBody: edited.body,
      },
    };
    const runtime = openLibrary('/creatives/renewal-offer', {
      'GET /v1/creatives/renewal-offer': { body: edited },
      'POST /v1/creatives/renewal-offer/approve': { body: approved },
    });
    const form = await screen.findByRole('form', { name: 'Renewal offer' });
    const approval = within(form).getByRole('region', { name: 'Compliance approval' });
    expect(within(approval).getByText('Changes awaiting approval')).toBeTruthy();
    expect(approval.textContent).toContain('Approved by Wang Fang');
    expect(approval.textContent).toContain('(revision 3)');
    expect(within(approval).getByRole('region', { name: 'Approved text' }).textContent).toContain(
      'your deposit matures soon',
    );
    expect(within(approval).getByRole('region', { name: 'Working text' }).textContent).toContain('Renew today at 2.8%');

    // Unsaved edits are not what would be approved.
    const text = within(form).getByRole('textbox', { name: 'Text' });
    await userEvent.type(text, '!');
    const approve = within(approval).getByRole('button', { name: 'Approve this text' }) as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    expect(approval.textContent).toContain('Save your changes first');
    await userEvent.type(text, '{Backspace}');
    expect(approve.disabled).toBe(false);

    await userEvent.click(approve);
    expect(await screen.findByText('Approved the text of “Renewal offer”')).toBeTruthy();
    expect(runtime.callsTo('POST', '/v1/creatives/renewal-offer/approve').map((call) => call.body)).toEqual([
      { revision: 4 },
    ]);
  });

  it('shows why the runtime refused an approval', async () => {
    const message =
      'Grace made the last change to creative renewal-offer; with maker-checker on, a different person must approve it';
    openLibrary('/creatives/renewal-offer', {
      'GET /v1/creatives/renewal-offer': { body: edited },
      'POST /v1/creatives/renewal-offer/approve': { status: 409, body: { error: 'Conflict', message } },
    });
    const approval = await screen.findByRole('region', { name: 'Compliance approval' });
    await userEvent.click(within(approval).getByRole('button', { name: 'Approve this text' }));
    const alert = await within(approval).findByRole('alert');
    expect(alert.textContent).toContain('The text could not be approved');
    expect(alert.textContent).toContain(message);
  });

  it('offers approving only to those who may publish', async () => {
    openLibrary('/creatives/renewal-offer', {
      'GET /v1/creatives/renewal-offer': { body: edited },
      'GET /v1/auth/me': { body: { name: 'Olga', role: 'operator' } },
    });
    const approval = await screen.findByRole('region', { name: 'Compliance approval' });
    expect(within(approval).getByText('Changes awaiting approval')).toBeTruthy();
    expect(within(approval).queryByRole('button', { name: 'Approve this text' })).toBeNull();
  });
});
