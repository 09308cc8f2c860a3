// The deal pipeline (/api/v1/console/deals): the tenant's deals grouped by stage, each linking to its workflow.
import { api, session } from './api.js';
import { h } from './dom.js';
import { formatTime, stageName, t } from './i18n.js';

export function dealsPage(root) {
  const board = h('div', { id: 'deals' });
  root.append(h('div', { class: 'toolbar' }, h('h1', {}, t('dealsTitle')), h('button', { type: 'button', onclick: () => load() }, t('refresh'))), board);

  async function load() {
    if (!session.tenant) { board.replaceChildren(h('p', { class: 'muted' }, t('pickTenant'))); return; }
    try {
      const items = [];
      let token = null;
      do {
        const page = await api(`/api/v1/console/deals?page_size=100${token ? `&continuation=${encodeURIComponent(token)}` : ''}`);
        items.push(...page.items);
        token = page.continuation;
      } while (token && items.length < 500);
      const stages = [...new Set(items.map((d) => d.stage ?? '—'))].sort();
      board.replaceChildren(...(items.length === 0 ? [h('p', { class: 'muted' }, t('dealsEmpty'))] : stages.map((stage) => {
        const deals = items.filter((d) => (d.stage ?? '—') === stage);
        return h('section', { class: 'card', dataset: { stage } },
          h('h2', {}, `${stageName(stage)} (${deals.length})`),
          h('ul', {}, ...deals.map((d) => h('li', { dataset: { dealId: d.deal_id } },
            h('strong', {}, d.contact_id ?? d.deal_id), ' ',
            h('span', { class: 'tag' }, d.runtime_status), ' ',
            d.pending_draft_id ? h('a', { href: '#/approvals' }, h('span', { class: 'tag warn' }, t('awaitingApproval'))) : null, ' ',
            h('span', { class: 'muted' }, `${t('updated')} ${formatTime(d.updated_at)}`), ' ',
            h('a', { href: `#/deals/${encodeURIComponent(d.deal_id)}`, dataset: { act: 'timeline' } }, t('timeline')), ' ',
            session.management ? h('a', { href: `#/workflows/${encodeURIComponent(d.deal_id)}` }, t('navWorkflows')) : null))));
      })));
    } catch (e) {
      board.replaceChildren(h('p', { class: 'error' }, e.message));
    }
  }

  load();
  return null;
}
