// The approval queue (§4.3–§4.7): pending drafts of the tenant with their decision support (/context), approve /
// edit-then-approve / reject with a reason code, and the operator's feedback on the draft (/feedback).
import { api, session } from './api.js';
import { confirmDialog, h } from './dom.js';
import { categoryName, formatSpan, formatTime, lang, reasonCodes, stageName, t } from './i18n.js';
import { feedbackForm, supportPanel } from './support.js';

export function approvalsPage(root) {
  let items = [];
  let selected = 0;
  const feedbacks = new Map();
  const list = h('div', { class: 'queue', id: 'queue' });
  const message = h('p', { class: 'notice', role: 'status', id: 'approvals-status' });
  root.append(
    h('div', { class: 'toolbar' }, h('h1', {}, t('approvalsTitle')), h('span', { class: 'spacer' }),
      h('span', { class: 'muted hide-narrow' }, t('shortcuts')),
      h('button', { type: 'button', onclick: () => load() }, t('refresh'))),
    message, list);

  async function load() {
    if (!session.tenant) { list.replaceChildren(h('p', { class: 'muted' }, t('pickTenant'))); return; }
    try {
      const page = await api('/api/v1/approval-center?page_size=100');
      items = page.items;
    } catch (e) {
      list.replaceChildren(h('p', { class: 'error' }, e.message));
      return;
    }
    selected = Math.min(selected, Math.max(0, items.length - 1));
    render();
  }

  function sla(item) {
    if (!item.expires_at) return h('span', { class: 'tag' }, t('noSla'));
    const left = new Date(item.expires_at) - Date.now();
    return left <= 0 ? h('span', { class: 'tag bad sla' }, t('expired'))
      : h('span', { class: `tag sla ${left < 3600000 ? 'warn' : ''}`, dataset: { expires: item.expires_at } }, `${t('expiresIn')} ${formatSpan(left)}`);
  }

  function render() {
    feedbacks.clear();
    if (items.length === 0) { list.replaceChildren(h('p', { class: 'muted', id: 'approvals-empty' }, t('approvalsEmpty'))); return; }
    list.replaceChildren(...items.map((item, i) => card(item, i)));
  }

  function card(item, i) {
    const text = h('textarea', { readOnly: true, 'aria-label': t('edit'), dir: 'auto' });
    text.value = item.text;
    const feedback = feedbackForm(item, message);
    feedbacks.set(item.approval_id, feedback);
    const approveEdited = h('button', { type: 'button', class: 'primary', hidden: true, dataset: { act: 'approve-edited' }, onclick: () => decide(item, 'approve', text.value) }, t('approveEdited'));
    const el = h('article', { class: `item ${i === selected ? 'selected' : ''}`, dataset: { approvalId: item.approval_id }, onclick: () => select(i) },
      h('header', {},
        h('strong', {}, `${t('why')}: ${categoryName(item.category)}`),
        h('span', { class: 'tag' }, item.kind),
        h('span', { class: 'tag' }, `${t('channel')}: ${item.channel}`),
        h('span', { class: 'tag' }, `${t('stage')}: ${stageName(item.stage)}`),
        item.proposed_stage ? h('span', { class: 'tag warn' }, `${t('proposedStage')} ${stageName(item.proposed_stage)}`) : null,
        sla(item),
        h('span', { class: 'muted' }, formatTime(item.created_at))),
      supportPanel(item),
      text,
      feedback.element,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', dataset: { act: 'approve' }, onclick: () => decide(item, 'approve', null) }, t('approve')),
        h('button', { type: 'button', dataset: { act: 'edit' }, onclick: () => { text.readOnly = false; text.focus(); approveEdited.hidden = false; } }, t('edit')),
        approveEdited,
        h('button', { type: 'button', class: 'danger', dataset: { act: 'reject' }, onclick: () => reject(item) }, t('reject'))));
    return el;
  }

  function select(i) {
    if (items.length === 0) return;
    selected = Math.max(0, Math.min(items.length - 1, i));
    list.querySelectorAll('.item').forEach((el, n) => el.classList.toggle('selected', n === selected));
    list.children[selected]?.scrollIntoView({ block: 'nearest' });
  }

  async function decide(item, action, edited) {
    const changed = edited !== null && edited !== item.text;
    const body = changed ? { edited_payload: { text: edited } } : {};
    try {
      // Feedback first (§4.7: an edit-then-approve always stores the correction with the text it corrects).
      await feedbacks.get(item.approval_id)?.send(changed ? 'edit_and_approve' : 'approve', changed ? edited : null, null);
      await api(`/api/v1/approval-center/${encodeURIComponent(item.approval_id)}/${action}`, { method: 'POST', body });
      message.textContent = action === 'approve' ? t('approved') : t('rejected');
    } catch (e) {
      message.textContent = e.message;
    }
    await load();
  }

  async function reject(item) {
    const names = reasonCodes[lang()];
    const picker = h('select', { id: 'reject-reason', 'aria-label': t('reason') }, ...Object.keys(names).map((code) => h('option', { value: code }, names[code])));
    if (await confirmDialog(t('rejectConfirm'), h('label', {}, t('reason'), picker))) {
      try {
        await feedbacks.get(item.approval_id)?.send('reject', null, picker.value);
        await api(`/api/v1/approval-center/${encodeURIComponent(item.approval_id)}/reject`, { method: 'POST', body: { reason_code: picker.value } });
        message.textContent = t('rejected');
      } catch (e) {
        message.textContent = e.message;
      }
      await load();
    }
  }

  function onKey(event) {
    if (event.target.closest?.('input, textarea, select, dialog') || event.ctrlKey || event.metaKey || event.altKey) return;
    const item = items[selected];
    switch (event.key) {
      case 'j': select(selected + 1); break;
      case 'k': select(selected - 1); break;
      case 'a': if (item) decide(item, 'approve', null); break;
      case 'r': if (item) reject(item); break;
      case 'e': if (item) list.children[selected]?.querySelector('[data-act=edit]')?.click(); break;
      default: return;
    }
    event.preventDefault();
  }

  document.addEventListener('keydown', onKey);
  const timer = setInterval(() => {
    for (const tag of list.querySelectorAll('.sla[data-expires]')) {
      const left = new Date(tag.dataset.expires) - Date.now();
      tag.textContent = left <= 0 ? t('expired') : `${t('expiresIn')} ${formatSpan(left)}`;
    }
  }, 30000);
  load();
  return () => { document.removeEventListener('keydown', onKey); clearInterval(timer); };
}
