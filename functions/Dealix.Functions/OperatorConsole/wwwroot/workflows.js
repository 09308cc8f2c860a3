// Workflows, on the Durable Functions management API the host serves (/runtime/webhooks/durabletask; the system or
// master key): instances by name, status, creation time and id prefix with paging; one instance's input, output,
// custom status and history; terminate, suspend, resume, restart, raise an event, purge.
import { api } from './api.js';
import { confirmDialog, h } from './dom.js';
import { formatTime, t } from './i18n.js';

const BASE = '/runtime/webhooks/durabletask/instances';
const STATUSES = ['Pending', 'Running', 'Suspended', 'Completed', 'Failed', 'Terminated'];
const filters = { name: '', status: '', from: '', to: '', prefix: '', top: 25 };

export function workflowsPage(root) {
  const tokens = [null];
  let pageIndex = 0;
  const body = h('tbody');
  const error = h('p', { class: 'error', role: 'alert' });
  const field = (key, label, attrs = {}) => h('label', {}, t(label), h('input', { value: filters[key], oninput: (e) => { filters[key] = e.target.value; }, ...attrs }));
  const status = h('select', { id: 'wf-status', onchange: (e) => { filters.status = e.target.value; } },
    h('option', { value: '' }, t('any')), ...STATUSES.map((s) => h('option', { value: s, selected: filters.status === s }, s)));
  const prev = h('button', { type: 'button', onclick: () => { pageIndex -= 1; load(); } }, t('previous'));
  const next = h('button', { type: 'button', onclick: () => { pageIndex += 1; load(); } }, t('next'));
  root.append(
    h('h1', {}, t('workflowsTitle')),
    h('form', { class: 'toolbar', id: 'wf-filters', onsubmit: (e) => { e.preventDefault(); tokens.length = 1; pageIndex = 0; load(); } },
      field('name', 'name', { id: 'wf-name' }), h('label', {}, t('status'), status), field('prefix', 'idPrefix', { id: 'wf-prefix' }),
      field('from', 'createdFrom', { type: 'datetime-local' }), field('to', 'createdTo', { type: 'datetime-local' }),
      h('button', { type: 'submit', class: 'primary' }, t('search'))),
    error,
    h('div', { class: 'scroll' }, h('table', { id: 'instances' },
      h('thead', {}, h('tr', {}, ...['name', 'instance', 'status', 'created', 'updated'].map((k) => h('th', {}, t(k))))), body)),
    h('div', { class: 'actions' }, prev, next));

  async function load() {
    const q = new URLSearchParams({ top: String(filters.top), showInput: 'false' });
    if (filters.status) q.set('runtimeStatus', filters.status);
    if (filters.prefix) q.set('instanceIdPrefix', filters.prefix);
    if (filters.from) q.set('createdTimeFrom', new Date(filters.from).toISOString());
    if (filters.to) q.set('createdTimeTo', new Date(filters.to).toISOString());
    const headers = tokens[pageIndex] ? { 'x-ms-continuation-token': tokens[pageIndex] } : {};
    const response = await api(`${BASE}?${q}`, { headers, tenant: false, raw: true });
    if (!response.ok) { error.textContent = (await response.json().catch(() => null))?.detail ?? `HTTP ${response.status}`; return; }
    error.textContent = '';
    const token = response.headers.get('x-ms-continuation-token');
    tokens[pageIndex + 1] = token;
    // The API has no name filter: the name narrows the page it returned.
    const items = (await response.json()).filter((i) => !filters.name || i.name.toLowerCase().includes(filters.name.toLowerCase()));
    body.replaceChildren(...(items.length === 0 ? [h('tr', {}, h('td', { colSpan: 5, class: 'muted' }, t('workflowsEmpty')))] : items.map((i) =>
      h('tr', { dataset: { instanceId: i.instanceId } },
        h('td', {}, i.name),
        h('td', {}, h('a', { href: `#/workflows/${encodeURIComponent(i.instanceId)}` }, i.instanceId)),
        h('td', {}, h('span', { class: `tag ${i.runtimeStatus === 'Failed' ? 'bad' : i.runtimeStatus === 'Running' ? 'good' : ''}` }, i.runtimeStatus)),
        h('td', {}, formatTime(i.createdTime)),
        h('td', {}, formatTime(i.lastUpdatedTime))))));
    prev.disabled = pageIndex === 0;
    next.disabled = !token;
  }

  load();
  return null;
}

export function instancePage(root, id) {
  const path = `${BASE}/${encodeURIComponent(id)}`;
  const view = h('div');
  const message = h('p', { class: 'notice', role: 'status', id: 'wf-message' });
  root.append(h('p', {}, h('a', { href: '#/workflows' }, t('back'))), message, view);
  const json = (value) => h('pre', {}, value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));

  async function load() {
    let instance = null;
    let history = true;
    let response = await api(`${path}?showHistory=true&showHistoryOutput=true`, { tenant: false, raw: true });
    if (response.status === 501) {
      history = false;
      response = await api(path, { tenant: false, raw: true });
    }

    if (!response.ok) { view.replaceChildren(h('p', { class: 'error' }, (await response.json().catch(() => null))?.detail ?? `HTTP ${response.status}`)); return null; }
    instance = await response.json();
    const ended = ['Completed', 'Failed', 'Terminated', 'Canceled'].includes(instance.runtimeStatus);
    const op = (label, action, confirmText, method = 'POST') => h('button', { type: 'button', dataset: { act: action }, class: confirmText ? 'danger' : '',
      onclick: async () => {
        if (confirmText && !(await confirmDialog(t(confirmText)))) return;
        const url = action === 'purge' ? path : `${path}/${action}${action === 'terminate' ? '?reason=' + encodeURIComponent('operator console') : ''}`;
        await act(api(url, { method, tenant: false }));
      } }, t(label));
    const eventName = h('input', { id: 'wf-event-name', 'aria-label': t('eventName'), placeholder: t('eventName') });
    const eventData = h('textarea', { id: 'wf-event-data', 'aria-label': t('eventData'), placeholder: t('eventData'), rows: 2 });
    view.replaceChildren(
      h('div', { class: 'card' },
        h('h1', {}, instance.name, ' ', h('span', { class: 'tag', id: 'wf-status-tag' }, instance.runtimeStatus)),
        h('p', { class: 'muted' }, `${t('instance')}: ${instance.instanceId} · ${t('created')} ${formatTime(instance.createdTime)} · ${t('updated')} ${formatTime(instance.lastUpdatedTime)}`),
        h('div', { class: 'actions' },
          ended ? null : op('terminate', 'terminate', 'terminateConfirm'),
          ended || instance.runtimeStatus === 'Suspended' ? null : op('suspend', 'suspend'),
          instance.runtimeStatus === 'Suspended' ? op('resumeInstance', 'resume') : null,
          op('restart', 'restart'),
          ended ? op('purge', 'purge', 'purgeConfirm', 'DELETE') : null),
        ended ? null : h('form', { class: 'toolbar', onsubmit: async (e) => {
          e.preventDefault();
          let data = null;
          try { data = eventData.value.trim() ? JSON.parse(eventData.value) : null; } catch { message.textContent = t('badJson'); return; }
          await act(api(`${path}/raiseEvent/${encodeURIComponent(eventName.value.trim())}`, { method: 'POST', body: data, tenant: false }));
        } }, eventName, eventData, h('button', { type: 'submit' }, t('raiseEvent')))),
      h('h2', {}, t('customStatus')), json(instance.customStatus),
      h('h2', {}, t('input')), json(instance.input),
      h('h2', {}, t('output')), json(instance.output),
      h('h2', {}, t('history')),
      history ? h('ol', { class: 'timeline', id: 'wf-history' }, ...(instance.historyEvents ?? []).map((e) =>
        h('li', {}, h('strong', {}, e.EventType), ' ', e.FunctionName ?? e.Name ?? '', ' ', h('span', { class: 'muted' }, formatTime(e.Timestamp)))))
        : h('p', { class: 'muted' }, t('noHistory')));
    return instance.runtimeStatus;
  }

  async function act(call) {
    const before = view.querySelector('#wf-status-tag')?.textContent;
    try {
      await call;
      message.textContent = t('done');
    } catch (e) {
      message.textContent = e.message;
    }
    // Operations are queued to the instance (202): look again until its status moves, for up to 15 s.
    for (let i = 0; i < 15; i++) {
      const now = await load();
      if (now !== before || now === null) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  load();
  return null;
}
