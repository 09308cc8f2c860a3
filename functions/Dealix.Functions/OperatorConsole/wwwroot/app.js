// The console shell: sign-in, language, tenant choice and the hash router (#/approvals, #/workflows/{id}, …).
import { api, ApiError, session } from './api.js';
import { applyStatic, lang, setLang, t } from './i18n.js';
import { approvalsPage } from './approvals.js';
import { tasksPage } from './tasks.js';
import { ticketsPage } from './tickets.js';
import { dealsPage } from './deals.js';
import { incidentsPage } from './incidents.js';
import { killSwitchPage } from './killswitch.js';
import { workflowsPage, instancePage } from './workflows.js';
import { deadLettersPage } from './deadletters.js';
import { timelinePage } from './timeline.js';
import { reportsPage } from './reports.js';

const $ = (id) => document.getElementById(id);
let stopPage = null;

async function signIn(key) {
  try {
    session.info = await api('/api/v1/console/session', { key, tenant: false });
  } catch (e) {
    session.clear();
    return e instanceof ApiError && e.status === 403 ? t('notOperatorKey') : t('badKey');
  }
  session.save(key);
  // The management API (workflows) opens to the system or master key only: ask it once.
  const probe = await api('/runtime/webhooks/durabletask/instances?top=1', { raw: true, tenant: false });
  session.management = probe.ok;
  if (!session.info.admin) session.tenant = session.info.tenant;
  else if (!session.tenant && session.info.tenants.length > 0) session.tenant = session.info.tenants[0];
  return null;
}

function showShell() {
  const signedIn = session.info !== null;
  $('signin').hidden = signedIn;
  $('page').hidden = !signedIn;
  $('nav').hidden = !signedIn;
  $('signout').hidden = !signedIn;
  document.querySelector('.tenant-pick').hidden = !(signedIn && session.info.admin);
  $('who').textContent = signedIn ? `${session.info.key_id}${session.info.admin ? ' (admin)' : ` · ${session.info.tenant}`}` : '';
  if (signedIn) {
    $('tenant').value = session.tenant;
    $('tenants').replaceChildren(...session.info.tenants.map((x) => Object.assign(document.createElement('option'), { value: x })));
    for (const link of document.querySelectorAll('#nav a[data-needs]')) {
      link.hidden = link.dataset.needs === 'admin' ? !session.info.admin : !session.management;
    }
  }
}

function route() {
  stopPage?.();
  stopPage = null;
  if (!session.info) return;
  const [page, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const name = page || 'approvals';
  for (const link of document.querySelectorAll('#nav a')) link.classList.toggle('active', link.dataset.page === name);
  const root = $('page');
  root.replaceChildren();
  const pages = { approvals: approvalsPage, tasks: tasksPage, tickets: ticketsPage, deals: dealsPage, incidents: incidentsPage, 'kill-switch': killSwitchPage, workflows: workflowsPage, 'dead-letters': deadLettersPage, reports: reportsPage };
  if (name === 'workflows' && rest.length > 0) {
    stopPage = instancePage(root, decodeURIComponent(rest.join('/')));
  } else if (name === 'deals' && rest.length > 0) {
    stopPage = timelinePage(root, decodeURIComponent(rest.join('/')));
  } else {
    stopPage = (pages[name] ?? approvalsPage)(root);
  }
}

async function start() {
  applyStatic();
  $('lang').addEventListener('click', () => { setLang(lang() === 'ar' ? 'en' : 'ar'); showShell(); route(); });
  $('signout').addEventListener('click', () => { session.clear(); showShell(); route(); });
  $('tenant').addEventListener('change', () => { session.tenant = $('tenant').value.trim(); route(); });
  $('signin').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = await signIn($('key').value.trim());
    $('signin-error').textContent = error ?? '';
    if (!error) {
      $('key').value = '';
      showShell();
      route();
    }
  });
  window.addEventListener('hashchange', route);
  if (session.key && (await signIn(session.key)) !== null) session.clear();
  showShell();
  route();
}

start();
