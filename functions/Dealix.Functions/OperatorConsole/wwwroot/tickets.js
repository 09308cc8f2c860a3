// Support tickets (/api/v1/customer-ops/support/tickets) with their SLA due times.
import { api, session } from './api.js';
import { h } from './dom.js';
import { formatTime, t } from './i18n.js';

export function ticketsPage(root) {
  const body = h('tbody');
  root.append(
    h('div', { class: 'toolbar' }, h('h1', {}, t('ticketsTitle')), h('button', { type: 'button', onclick: () => load() }, t('refresh'))),
    h('div', { class: 'scroll' }, h('table', { id: 'tickets' },
      h('thead', {}, h('tr', {}, ...['priority', 'status', 'opened', 'due', 'owner'].map((k) => h('th', {}, t(k))), h('th', {}, 'id'))), body)));

  async function load() {
    if (!session.tenant) { body.replaceChildren(h('tr', {}, h('td', { colSpan: 6 }, t('pickTenant')))); return; }
    try {
      const page = await api('/api/v1/customer-ops/support/tickets');
      const now = Date.now();
      body.replaceChildren(...(page.items.length === 0 ? [h('tr', {}, h('td', { colSpan: 6, class: 'muted' }, t('ticketsEmpty')))]
        : page.items.map((x) => {
          const due = x.first_response_at ? x.resolution_due_at : x.first_response_due_at;
          const late = x.status === 'open' && due && new Date(due) < now;
          return h('tr', { dataset: { ticketId: x.ticket_id } },
            h('td', {}, h('span', { class: `tag ${x.priority === 'P0' || x.priority === 'P1' ? 'bad' : ''}` }, x.priority)),
            h('td', {}, x.status),
            h('td', {}, formatTime(x.opened_at)),
            h('td', {}, formatTime(due), ' ', x.status === 'open' ? h('span', { class: `tag ${late ? 'bad' : 'good'}` }, t(late ? 'overdue' : 'onTime')) : null),
            h('td', {}, (x.owners ?? []).join(', ')),
            h('td', { class: 'muted' }, x.ticket_id));
        })));
    } catch (e) {
      body.replaceChildren(h('tr', {}, h('td', { colSpan: 6, class: 'error' }, e.message)));
    }
  }

  load();
  return null;
}
