// The global kill switch (§17.8; admin keys): its state, pause and resume, each behind a confirmation.
import { api } from './api.js';
import { confirmDialog, h } from './dom.js';
import { t } from './i18n.js';

export function killSwitchPage(root) {
  const state = h('p', { class: 'switch', id: 'kill-state', role: 'status' });
  const button = h('button', { type: 'button', id: 'kill-toggle' });
  const error = h('p', { class: 'error', role: 'alert' });
  let paused = null;
  root.append(h('div', { class: 'card' }, h('h1', {}, t('killTitle')), state, h('p', { class: 'muted' }, t('killHelp')), button, error));

  async function load() {
    try {
      paused = (await api('/api/v1/admin/kill-switch', { tenant: false })).paused;
      state.textContent = paused ? t('killPaused') : t('killRunning');
      state.dataset.paused = String(paused);
      button.textContent = paused ? t('resume') : t('pause');
      button.className = paused ? 'primary' : 'danger';
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

  load();
  return null;
}
