// Digests and packs (/api/v1/reports): the kinds with their stored periods; one report shown as nested lists (text
// nodes only, whatever the report holds); "Build now" asks for the current period (POST …/run) and reloads when stored.
import { api, session } from './api.js';
import { h } from './dom.js';
import { formatTime, lang, t } from './i18n.js';

export function reportsPage(root) {
  const list = h('div', { id: 'report-kinds', class: 'report-kinds' });
  const view = h('div', { id: 'report-view', class: 'card report-view' }, h('p', { class: 'muted' }, t('reportPick')));
  const status = h('p', { class: 'muted', role: 'status' });
  let stopped = false;
  root.append(
    h('div', { class: 'toolbar' }, h('h1', {}, t('reportsTitle')), h('button', { type: 'button', onclick: () => load() }, t('refresh'))),
    status, h('div', { class: 'reports' }, list, view));

  async function load() {
    if (!session.tenant) { list.replaceChildren(h('p', {}, t('pickTenant'))); return; }
    try {
      const page = await api('/api/v1/reports');
      list.replaceChildren(...page.kinds.map((k) => h('section', { class: 'card', dataset: { kind: k.kind } },
        h('h2', {}, lang() === 'ar' && k.title_ar ? k.title_ar : k.title),
        h('p', { class: 'muted' }, k.schedule_ast ?? t('reportOnRequest'), ' · ', k.owner_role),
        h('ul', { class: 'periods' }, ...(k.periods.length === 0 ? [h('li', { class: 'muted' }, t('reportNone'))]
          : k.periods.map((p) => h('li', {}, h('a', { href: '#/reports', dataset: { period: p.period }, onclick: (e) => { e.preventDefault(); show(k, p.period); } }, p.period),
            ' ', h('span', { class: 'muted' }, formatTime(p.generated_at)), p.severity ? h('span', { class: `tag ${p.severity === 'critical' ? 'bad' : ''}` }, p.severity) : null)))),
        h('button', { type: 'button', dataset: { run: k.kind }, onclick: () => run(k) }, t('reportRun')))));
    } catch (e) {
      list.replaceChildren(h('p', { class: 'error' }, e.message));
    }
  }

  async function show(kind, period) {
    try {
      const report = await api(`/api/v1/reports/${encodeURIComponent(kind.kind)}?period=${encodeURIComponent(period)}`);
      view.replaceChildren(h('h2', {}, lang() === 'ar' && kind.title_ar ? kind.title_ar : kind.title, ' · ', period), render(report));
      view.dataset.shown = `${kind.kind}|${period}`;
    } catch (e) {
      view.replaceChildren(h('p', { class: 'error' }, e.message));
    }
  }

  async function run(kind) {
    try {
      const accepted = await api(`/api/v1/reports/${encodeURIComponent(kind.kind)}/run`, { method: 'POST' });
      status.textContent = t('reportBuilding');
      // The run is a workflow: look for the stored report for a while, then show it.
      for (let i = 0; i < 60 && !stopped; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const response = await api(accepted.report_url, { raw: true });
        if (response.ok) {
          status.textContent = '';
          await load();
          await show(kind, accepted.period);
          return;
        }
      }
      if (!stopped) status.textContent = t('reportStillBuilding');
    } catch (e) {
      status.textContent = e.message;
    }
  }

  load();
  return () => { stopped = true; };
}

/** A JSON value as nested definition lists and bullet lists; keys are shown as written (snake_case field names). */
function render(value) {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, '—');
  if (Array.isArray(value)) {
    return value.length === 0 ? h('span', { class: 'muted' }, '—') : h('ul', {}, ...value.map((item) => h('li', {}, render(item))));
  }
  if (typeof value === 'object') {
    return h('dl', { class: 'report' }, ...Object.entries(value).flatMap(([key, item]) => [h('dt', {}, key.replaceAll('_', ' ')), h('dd', {}, render(item))]));
  }
  return h('span', {}, String(value));
}
