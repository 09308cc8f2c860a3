// Decision support (§4.5) and operator feedback (§4.7) on an approval card: /api/v1/approval-center/{id}/context and
// /feedback. Customer texts go into text nodes only (dom.js).
import { api } from './api.js';
import { h } from './dom.js';
import { categoryName, formatTime, stageName, t } from './i18n.js';

const RISK = { low: 'good', medium: 'warn', high: 'bad' };
const VERDICT = { allowed: 'good', warn: 'warn', blocked: 'bad' };
const SLA = { pending: 'good', warning: 'warn', breach: 'bad', expired: 'bad' };
const DIMENSIONS = [['factuality', 'factuality'], ['helpfulness', 'helpfulness'], ['tone', 'tone'], ['policy_alignment', 'policyAlignment']];

/** The card's decision-support panel; fills itself from /context. */
export function supportPanel(item) {
  const body = h('div', { class: 'support-body' }, h('p', { class: 'muted' }, t('supportLoading')));
  const panel = h('section', { class: 'support', dataset: { support: item.approval_id }, 'aria-label': t('support') }, body);
  api(`/api/v1/approval-center/${encodeURIComponent(item.approval_id)}/context`).then((c) => {
    const riskName = { low: t('riskLow'), medium: t('riskMedium'), high: t('riskHigh') }[c.risk.level] ?? c.risk.level;
    body.replaceChildren(...[
      h('div', { class: 'support-tags' },
        h('span', { class: `tag ${RISK[c.risk.level] ?? ''}`, dataset: { risk: c.risk.level } }, `${t('risk')}: ${riskName}`),
        h('span', { class: `tag ${VERDICT[c.compliance.verdict] ?? ''}`, dataset: { compliance: c.compliance.verdict } }, `${t('compliance')}: ${c.compliance.verdict}`),
        h('span', { class: `tag ${SLA[c.sla.status] ?? ''}`, dataset: { slaStatus: c.sla.status } },
          `SLA: ${t(`sla_${c.sla.status}`)}${c.sla.warning_at ? ` · ${t('slaWarning')} ${formatTime(c.sla.warning_at)}` : ''}${c.sla.due_at ? ` · ${t('slaDue')} ${formatTime(c.sla.due_at)}` : ''}`),
        h('span', { class: 'tag' }, `${t('intent')}: ${categoryName(c.intent.category)}${c.intent.confidence != null ? ` (${t('confidence')} ${Math.round(c.intent.confidence * 100)}%)` : ''}`),
        c.intent.matched_keywords.length ? h('span', { class: 'tag' }, `${t('keywords')}: ${c.intent.matched_keywords.join('، ')}`) : null),
      h('p', { class: 'why' }, h('strong', {}, `${t('flaggedBecause')}: `), ...c.why_flagged.map((w) => h('code', { class: 'reason' }, w))),
      h('div', { class: 'support-cols' },
        h('div', {}, h('h3', {}, t('thread')),
          c.thread.length === 0 ? h('p', { class: 'muted' }, t('threadEmpty'))
            : h('ol', { class: 'thread' }, ...c.thread.map((m) => h('li', { class: m.direction, dataset: { messageId: m.message_id } },
              h('span', { class: 'muted' }, `${m.direction === 'inbound' ? t('inbound') : t('outbound')} · ${formatTime(m.at)}`),
              h('div', { dir: 'auto', class: 'bubble' }, m.text))))),
        h('div', {}, h('h3', {}, t('similar')),
          c.similar_decisions.length === 0 ? h('p', { class: 'muted' }, t('similarEmpty'))
            : h('ul', { class: 'similar' }, ...c.similar_decisions.map((d) => h('li', { dataset: { similarId: d.approval_id } },
              h('span', { class: `tag ${d.outcome === 'rejected' ? 'bad' : 'good'}` }, d.outcome === 'rejected' ? `${t('rejected')} ${d.reason_code ?? ''}` : t('approved')),
              d.edited ? h('span', { class: 'tag warn' }, t('edited')) : null, ' ',
              h('span', { class: 'muted' }, `${d.reviewer ?? ''} · ${formatTime(d.decided_at)}`)))))),
      c.feedback.length ? h('p', { class: 'muted', dataset: { feedbackCount: String(c.feedback.length) } },
        `${t('feedbackGiven')}: ${c.feedback.map((f) => `${f.reviewer}${f.exemplar ? ' ★' : ''}`).join(', ')}`) : null,
      h('p', { class: 'muted' }, `${t('actionClass')} ${c.action_class} · ${t('stage')}: ${stageName(c.stage)} · correlation_id ${c.draft_correlation_id}`),
    ].filter(Boolean));
  }).catch((e) => body.replaceChildren(h('p', { class: 'error' }, e.message)));
  return panel;
}

/** The card's feedback form; send() posts it with the decision (only when something was given, or a correction). */
export function feedbackForm(item, message) {
  const scores = DIMENSIONS.map(([name, label]) => {
    const select = h('select', { dataset: { rubric: name }, 'aria-label': t(label) }, h('option', { value: '' }, '—'),
      ...[1, 2, 3, 4, 5].map((n) => h('option', { value: String(n) }, String(n))));
    return { name, select, label: h('label', {}, t(label), select) };
  });
  const exemplar = h('input', { type: 'checkbox', dataset: { feedback: 'exemplar' } });
  const comment = h('input', { type: 'text', maxLength: 1000, dataset: { feedback: 'comment' }, 'aria-label': t('comment') });
  const save = h('button', { type: 'button', dataset: { act: 'feedback' }, onclick: async () => {
    try {
      if (await send(null, null, null)) message.textContent = t('feedbackSaved');
    } catch (e) {
      message.textContent = e.message;
    }
  } }, t('saveFeedback'));
  const element = h('details', { class: 'feedback' }, h('summary', {}, t('feedback')),
    h('div', { class: 'toolbar' }, ...scores.map((s) => s.label), h('label', { class: 'inline' }, exemplar, t('exemplar')),
      h('label', {}, t('comment'), comment), save));

  async function send(decision, correction, reasonCode) {
    const rubric = Object.fromEntries(scores.filter((s) => s.select.value).map((s) => [s.name, Number(s.select.value)]));
    const given = Object.keys(rubric).length > 0 || exemplar.checked || comment.value.trim() !== '';
    if (!given && correction === null) return false;
    const body = { rubric, exemplar: exemplar.checked };
    if (decision) body.decision = decision;
    if (correction !== null) body.correction = correction;
    if (reasonCode) body.reason_code = reasonCode;
    if (comment.value.trim()) body.comment = comment.value.trim();
    await api(`/api/v1/approval-center/${encodeURIComponent(item.approval_id)}/feedback`, { method: 'POST', body });
    return true;
  }

  return { element, send };
}
