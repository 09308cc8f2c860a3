// Dead letters of the task hub (the management API's /deadletters; the system or master key): what was quarantined,
// from which queue, for which instance and why; redrive a message back into its queue or delete it, each confirmed.
import { api } from './api.js';
import { confirmDialog, h } from './dom.js';
import { formatTime, t } from './i18n.js';

const BASE = '/runtime/webhooks/durabletask/deadletters';

export function deadLettersPage(root) {
  const body = h('tbody');
  const message = h('p', { class: 'notice', role: 'status', id: 'dl-message' });
  root.append(
    h('div', { class: 'toolbar' }, h('h1', {}, t('deadLettersTitle')), h('button', { type: 'button', onclick: () => load() }, t('refresh'))),
    message,
    h('div', { class: 'scroll' }, h('table', { id: 'dead-letters' },
      h('thead', {}, h('tr', {}, ...['occurred', 'kind', 'source', 'instance', 'reasonText', 'dequeues', ''].map((k) => h('th', {}, k ? t(k) : '')))), body)));

  async function load() {
    const response = await api(`${BASE}?top=100`, { tenant: false, raw: true });
    if (!response.ok) {
      body.replaceChildren(h('tr', {}, h('td', { colSpan: 7, class: 'error' }, (await response.json().catch(() => null))?.detail ?? `HTTP ${response.status}`)));
      return;
    }

    const letters = await response.json();
    body.replaceChildren(...(letters.length === 0 ? [h('tr', {}, h('td', { colSpan: 7, class: 'muted', id: 'dl-empty' }, t('deadLettersEmpty')))] : letters.map((l) =>
      h('tr', { dataset: { letterId: l.id } },
        h('td', {}, formatTime(l.occurredAt)),
        h('td', {}, h('span', { class: 'tag bad' }, l.kind)),
        h('td', {}, l.source),
        h('td', {}, l.instanceId ? h('a', { href: `#/workflows/${encodeURIComponent(l.instanceId)}` }, l.instanceId) : '—'),
        h('td', { class: 'wrap' }, l.reason),
        h('td', {}, String(l.dequeueCount)),
        h('td', {}, h('div', { class: 'actions' },
          l.redrivable ? h('button', { type: 'button', dataset: { act: 'redrive' }, onclick: () => act(l, 'redrive') }, t('redrive'))
            : h('span', { class: 'muted' }, t('notRedrivable')),
          h('button', { type: 'button', class: 'danger', dataset: { act: 'delete' }, onclick: () => act(l, 'delete') }, t('deleteLetter'))))))));
  }

  async function act(letter, action) {
    if (!(await confirmDialog(t(action === 'redrive' ? 'redriveConfirm' : 'deleteConfirm')))) return;
    const url = action === 'redrive' ? `${BASE}/${encodeURIComponent(letter.id)}/redrive` : `${BASE}/${encodeURIComponent(letter.id)}`;
    try {
      await api(url, { method: action === 'redrive' ? 'POST' : 'DELETE', tenant: false });
      message.textContent = t(action === 'redrive' ? 'redriven' : 'deleted');
    } catch (e) {
      message.textContent = e.message;
    }
    await load();
  }

  load();
  return null;
}
