// Human tasks (/api/v1/tasks): the tenant's open tasks with their SLA; claim, release, complete or reject.
import { api, session } from './api.js';
import { h } from './dom.js';
import { formatTime, t } from './i18n.js';

export function tasksPage(root) {
  const body = h('tbody');
  const message = h('p', { class: 'notice', role: 'status' });
  root.append(
    h('div', { class: 'toolbar' }, h('h1', {}, t('tasksTitle')), h('button', { type: 'button', onclick: () => load() }, t('refresh'))),
    message,
    h('div', { class: 'scroll' }, h('table', { id: 'tasks' },
      h('thead', {}, h('tr', {}, ...['title', 'area', 'owner', 'due', 'status', 'claimedBy', ''].map((k) => h('th', {}, k ? t(k) : '')))), body)));

  async function load() {
    if (!session.tenant) { body.replaceChildren(h('tr', {}, h('td', { colSpan: 7 }, t('pickTenant')))); return; }
    try {
      const open = await api('/api/v1/tasks?status=open&page_size=100');
      const claimed = await api('/api/v1/tasks?status=claimed&page_size=100');
      const items = [...open.items, ...claimed.items];
      body.replaceChildren(...(items.length === 0 ? [h('tr', {}, h('td', { colSpan: 7, class: 'muted' }, t('tasksEmpty')))] : items.map(row)));
    } catch (e) {
      body.replaceChildren(h('tr', {}, h('td', { colSpan: 7, class: 'error' }, e.message)));
    }
  }

  function row(task) {
    const act = (label, path, payload) => h('button', { type: 'button', dataset: { act: path }, onclick: () => post(task, path, payload) }, t(label));
    return h('tr', { dataset: { taskId: task.task_id } },
      h('td', {}, task.title, h('div', { class: 'muted' }, task.kind)),
      h('td', {}, task.area),
      h('td', {}, task.owner_role),
      h('td', {}, formatTime(task.due_at), ' ', h('span', { class: `tag ${task.sla_status === 'overdue' ? 'bad' : 'good'}` }, t(task.sla_status === 'overdue' ? 'overdue' : 'onTime'))),
      h('td', {}, task.status),
      h('td', {}, task.claimed_by ?? ''),
      h('td', { class: 'actions' },
        task.status === 'open' ? act('claim', 'claim') : act('release', 'release'),
        act('complete', 'complete', { outcome: 'completed' }),
        act('rejectTask', 'complete', { outcome: 'rejected' })));
  }

  async function post(task, action, payload) {
    try {
      await api(`/api/v1/tasks/${encodeURIComponent(task.task_id)}/${action}`, { method: 'POST', body: payload });
      message.textContent = t('done');
    } catch (e) {
      message.textContent = e.message;
    }
    await load();
  }

  load();
  return null;
}
