// Incidents (/api/v1/customer-ops/incidents): phase, severity, the tenant freeze and the PDPL 72-hour clock.
import { api, session } from './api.js';
import { h } from './dom.js';
import { formatSpan, formatTime, t } from './i18n.js';

export function incidentsPage(root) {
  const body = h('tbody');
  root.append(
    h('div', { class: 'toolbar' }, h('h1', {}, t('incidentsTitle')), h('button', { type: 'button', onclick: () => load() }, t('refresh'))),
    h('div', { class: 'scroll' }, h('table', { id: 'incidents' },
      h('thead', {}, h('tr', {}, ...['title', 'severity', 'phase', 'detected', 'pdpl', 'freeze'].map((k) => h('th', {}, t(k))))), body)));

  function pdpl(state) {
    if (!state?.required) return h('span', { class: 'muted' }, '—');
    const left = new Date(state.dueAt) - Date.now();
    return h('span', { class: `tag ${left <= 0 ? 'bad' : left < 24 * 3600000 ? 'warn' : ''}` },
      `${state.status} · ${left <= 0 ? t('expired') : `${t('expiresIn')} ${formatSpan(left)}`}`);
  }

  async function load() {
    if (!session.tenant) { body.replaceChildren(h('tr', {}, h('td', { colSpan: 6 }, t('pickTenant')))); return; }
    try {
      const page = await api('/api/v1/customer-ops/incidents');
      body.replaceChildren(...(page.items.length === 0 ? [h('tr', {}, h('td', { colSpan: 6, class: 'muted' }, t('incidentsEmpty')))]
        : page.items.map((x) => h('tr', { dataset: { incidentId: x.incidentId } },
          h('td', {}, x.title, h('div', { class: 'muted' }, x.incidentId)),
          h('td', {}, String(x.severity)),
          h('td', {}, x.phase),
          h('td', {}, formatTime(x.detectedAt)),
          h('td', {}, pdpl(x.pdpl)),
          h('td', {}, x.frozen ? h('span', { class: 'tag bad' }, t('frozen')) : '—')))));
    } catch (e) {
      body.replaceChildren(h('tr', {}, h('td', { colSpan: 6, class: 'error' }, e.message)));
    }
  }

  load();
  return null;
}
