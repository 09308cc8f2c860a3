// One deal's timeline (/api/v1/console/deal-timeline): the contact's messages and what was sent, the drafts and their
// decisions, the stage moves and the other ledger lines, newest first; the evidence pack once the deal closed.
import { api } from './api.js';
import { h } from './dom.js';
import { categoryName, formatTime, stageName, t } from './i18n.js';

const LABEL = { message_in: 'messageIn', message_out: 'messageOut', draft: 'draftEvent', stage: 'stageEvent', ledger: 'ledgerEvent' };

export function timelinePage(root, dealId) {
  const list = h('ol', { class: 'timeline', id: 'deal-timeline' });
  root.append(h('p', {}, h('a', { href: '#/deals' }, t('back'))), h('h1', {}, t('timelineTitle')), h('p', { class: 'muted' }, dealId), list);

  function describe(e) {
    switch (e.type) {
      case 'message_in':
      case 'message_out':
        return h('div', { dir: 'auto', class: 'bubble' }, e.text);
      case 'draft':
        return h('span', {}, h('span', { class: 'tag' }, e.status), ' ', categoryName(e.category), e.reviewer ? ` · ${e.reviewer}` : '',
          e.decision_reason ? ` · ${e.decision_reason}` : '');
      case 'stage':
        return h('span', {}, `${stageName(e.from)} → ${stageName(e.to)} · ${e.actor}`);
      default:
        return h('span', {}, `${e.action} · ${e.actor}${e.outcome ? ` · ${e.outcome}` : ''}${e.reason ? ` · ${e.reason}` : ''}`);
    }
  }

  api(`/api/v1/console/deal-timeline?deal_id=${encodeURIComponent(dealId)}`).then((timeline) => {
    list.replaceChildren(...(timeline.items.length === 0 ? [h('li', { class: 'muted' }, t('timelineEmpty'))] : timeline.items.map((e) =>
      h('li', { dataset: { type: e.type } }, h('strong', {}, t(LABEL[e.type] ?? 'ledgerEvent')), ' ', h('span', { class: 'muted' }, formatTime(e.at)), ' · ', describe(e)))));
    if (timeline.evidence_pack) root.append(h('h2', {}, t('evidencePack')), h('pre', {}, JSON.stringify(timeline.evidence_pack, null, 2)));
  }).catch((e) => list.replaceChildren(h('li', { class: 'error' }, e.message)));
  return null;
}
