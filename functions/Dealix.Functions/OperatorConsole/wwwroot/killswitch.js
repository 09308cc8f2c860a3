// The kill switch (§17.8; admin keys): the global pause, and the pause of the tenant picked above (the same freeze an
// incident takes, under its own hold), each behind a confirmation, with the kill-switch lines of the ledger.
import { api, session } from './api.js';
import { confirmDialog, h } from './dom.js';
import { formatTime, t } from './i18n.js';

export function killSwitchPage(root) {
  const state = h('p', { class: 'switch', id: 'kill-state', role: 'status' });
  const button = h('button', { type: 'button', id: 'kill-toggle' });
  const error = h('p', { class: 'error', role: 'alert' });
  const tenantState = h('p', { class: 'switch', id: 'tenant-kill-state', role: 'status' });
  const tenantButton = h('button', { type: 'button', id: 'tenant-kill-toggle' });
  const holds = h('p', { class: 'muted', id: 'tenant-kill-holds' });
  const ledger = h('tbody');
  let paused = null;
  let tenantPaused = null;
  root.append(
    h('div', { class: 'card' }, h('h1', {}, t('killTitle')), state, h('p', { class: 'muted' }, t('killHelp')), button, error),
    h('div', { class: 'card', id: 'tenant-kill' }, h('h2', {}, `${t('tenantSwitch')}: ${session.tenant || '—'}`), tenantState, holds,
      h('p', { class: 'muted' }, t('tenantHelp')), tenantButton),
    h('div', { class: 'card' }, h('h2', {}, t('killLedger')), h('div', { class: 'scroll' }, h('table', { id: 'kill-ledger' },
      h('thead', {}, h('tr', {}, ...['when', 'scope', 'action', 'actor', 'outcome'].map((k) => h('th', {}, t(k))))), ledger))));

  async function load() {
    try {
      paused = (await api('/api/v1/admin/kill-switch', { tenant: false })).paused;
      state.textContent = paused ? t('killPaused') : t('killRunning');
      state.dataset.paused = String(paused);
      button.textContent = paused ? t('resume') : t('pause');
      button.className = paused ? 'primary' : 'danger';
      if (!session.tenant) { tenantButton.hidden = true; tenantState.textContent = t('pickTenant'); return; }
      const s = await api('/api/v1/console/kill-switch');
      tenantPaused = s.operator_paused;
      tenantState.textContent = s.paused ? t('tenantPaused') : t('tenantRunning');
      tenantState.dataset.paused = String(s.paused);
      tenantState.dataset.operatorPaused = String(s.operator_paused);
      holds.textContent = [s.incident_holds.length ? `${t('incidentHolds')}: ${s.incident_holds.join(', ')}` : '', s.global_paused ? t('globalPausedToo') : '']
        .filter(Boolean).join(' · ');
      tenantButton.textContent = tenantPaused ? t('resumeTenant') : t('pauseTenant');
      tenantButton.className = tenantPaused ? 'primary' : 'danger';
      ledger.replaceChildren(...s.ledger.map((e) => h('tr', { dataset: { action: e.action } },
        h('td', {}, formatTime(e.at)), h('td', {}, e.scope), h('td', {}, e.action), h('td', {}, e.actor), h('td', {}, e.outcome ?? ''))));
    } catch (e) {
      error.textContent = e.message;
    }
  }

  button.addEventListener('click', async () => {
    if (paused === null || !(await confirmDialog(paused ? t('resumeConfirm') : t('pauseConfirm')))) return;
    try {
      await api(`/api/v1/admin/kill-switch/${paused ? 'resume' : 'pause'}`, { method: 'POST', tenant: false });
      error.textContent = '';
    } catch (e) {
      error.textContent = e.message;
    }
    await load();
  });

  tenantButton.addEventListener('click', async () => {
    const tenant = session.tenant;
    if (tenantPaused === null || !tenant || !(await confirmDialog(`${tenantPaused ? t('resumeTenantConfirm') : t('pauseTenantConfirm')} ${tenant}?`))) return;
    try {
      await api(`/api/v1/admin/kill-switch/tenant/${tenantPaused ? 'resume' : 'pause'}`, { method: 'POST' });
      error.textContent = '';
    } catch (e) {
      error.textContent = e.message;
    }
    await load();
  });

  load();
  return null;
}
