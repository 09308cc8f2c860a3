// English and Arabic strings; the language choice is kept in localStorage and sets <html lang dir>.
const strings = {
  en: {
    brand: 'Dealix console', tenant: 'Tenant', signOut: 'Sign out', signInTitle: 'Sign in', signIn: 'Sign in',
    signInHelp: 'Enter your operator key. It stays in this browser tab only.', operatorKey: 'Operator key',
    badKey: 'This key was not accepted.', notOperatorKey: 'This key is not an operator key.',
    navApprovals: 'Approvals', navTasks: 'Tasks', navTickets: 'Tickets', navWorkflows: 'Workflows', navKillSwitch: 'Kill switch',
    cancel: 'Cancel', confirm: 'Confirm', refresh: 'Refresh', pickTenant: 'Choose a tenant above.',
    approvalsTitle: 'Approval queue', approvalsEmpty: 'No drafts are waiting for approval.',
    shortcuts: 'Keys: j/k move, a approve, e edit, r reject', why: 'Why flagged', channel: 'Channel', stage: 'Stage',
    proposedStage: 'Approving also moves the deal to', expiresIn: 'SLA: expires in', expired: 'SLA: expired', noSla: 'No SLA',
    approve: 'Approve', edit: 'Edit', approveEdited: 'Approve edited', reject: 'Reject', reason: 'Reason',
    rejectConfirm: 'Reject this draft? The message will not be sent.', approved: 'Approved.', rejected: 'Rejected.',
    tasksTitle: 'Human tasks', tasksEmpty: 'No open tasks.', claim: 'Claim', release: 'Release', complete: 'Complete',
    rejectTask: 'Reject', due: 'Due', owner: 'Owner', status: 'Status', claimedBy: 'Claimed by', title: 'Title', area: 'Area',
    overdue: 'overdue', onTime: 'on time',
    ticketsTitle: 'Support tickets', ticketsEmpty: 'No tickets.', priority: 'Priority', subject: 'Subject', opened: 'Opened',
    killTitle: 'Kill switch', killPaused: 'Automation is PAUSED: no automated external action is taken.',
    killRunning: 'Automation is running.', pause: 'Pause all automation', resume: 'Resume automation',
    pauseConfirm: 'Pause every automated external action for every tenant?', resumeConfirm: 'Resume automated actions for every tenant?',
    killHelp: 'Global (every tenant). While paused, queued sends wait, auto-replies become drafts and follow-ups wait; approvals can still be recorded. Each change is on the audit ledger.',
    workflowsTitle: 'Workflows', name: 'Name', idPrefix: 'Id prefix', createdFrom: 'Created from', createdTo: 'Created to',
    any: 'any', search: 'Search', next: 'Next', previous: 'Previous', created: 'Created', updated: 'Updated',
    instance: 'Instance', input: 'Input', output: 'Output', customStatus: 'Custom status', history: 'History',
    terminate: 'Terminate', suspend: 'Suspend', resumeInstance: 'Resume', restart: 'Restart', purge: 'Purge',
    raiseEvent: 'Raise event', eventName: 'Event name', eventData: 'Event data (JSON)', back: 'Back',
    terminateConfirm: 'Terminate this instance?', purgeConfirm: 'Delete this instance and its history for good?',
    noHistory: 'History is not available on this storage provider.', done: 'Done.', workflowsEmpty: 'No instances match.',
    badJson: 'The event data is not valid JSON.',
    navDeals: 'Deals', dealsTitle: 'Deal pipeline', dealsEmpty: 'No deals yet.', awaitingApproval: 'draft awaiting approval',
    navIncidents: 'Incidents', incidentsTitle: 'Incidents', incidentsEmpty: 'No incidents.', severity: 'Severity', phase: 'Phase',
    detected: 'Detected', pdpl: 'PDPL 72-hour clock', freeze: 'Freeze', frozen: 'frozen',
    support: 'Decision support', sla_pending: 'pending', sla_warning: 'warning', sla_breach: 'breach', sla_expired: 'expired', flaggedBecause: 'Needs a person because', actionClass: 'Action class', supportLoading: 'Loading decision support…', compliance: 'Compliance', risk: 'Risk',
    intent: 'Intent', keywords: 'Keywords', confidence: 'confidence', thread: 'Last messages', threadEmpty: 'No messages on record.',
    similar: 'Similar past decisions', similarEmpty: 'No similar decisions yet.', inbound: 'Contact', outbound: 'Sent',
    slaWarning: 'warning at', slaDue: 'due at', edited: 'edited', riskLow: 'low', riskMedium: 'medium', riskHigh: 'high',
    feedback: 'Feedback', factuality: 'Factuality', helpfulness: 'Helpfulness', tone: 'Tone', policyAlignment: 'Policy alignment',
    exemplar: 'Good example (exemplar)', comment: 'Comment', saveFeedback: 'Save feedback', feedbackSaved: 'Feedback saved.',
    feedbackGiven: 'Feedback given', timeline: 'Timeline', timelineTitle: 'Deal timeline', timelineEmpty: 'Nothing on record for this deal yet.',
    messageIn: 'Message from the contact', messageOut: 'Message sent', draftEvent: 'Draft', stageEvent: 'Stage move', ledgerEvent: 'Ledger',
    evidencePack: 'Evidence pack', tenantSwitch: 'This tenant', tenantPaused: 'Automation is PAUSED for this tenant.',
    tenantRunning: 'Automation is running for this tenant.', pauseTenant: 'Pause this tenant', resumeTenant: 'Resume this tenant',
    pauseTenantConfirm: 'Pause every automated external action of tenant', resumeTenantConfirm: 'Resume automated actions of tenant',
    tenantHelp: 'Per tenant: the same freeze an incident takes, under its own hold. Resuming releases this hold only; an incident keeps its own.',
    incidentHolds: 'Incidents holding a freeze', globalPausedToo: 'The global switch is paused too.', killLedger: 'Kill-switch ledger',
    adminOnly: 'Only an admin key may pause or resume.', when: 'When', action: 'Action', actor: 'By', outcome: 'Outcome', scope: 'Scope',
    deadLetters: 'Dead letters', navDeadLetters: 'Dead letters', deadLettersTitle: 'Dead letters', deadLettersEmpty: 'No dead letters.', kind: 'Kind', source: 'Source',
    reasonText: 'Reason', occurred: 'Occurred', redrive: 'Redrive', deleteLetter: 'Delete', redriveConfirm: 'Put this message back in its queue?',
    deleteConfirm: 'Delete this dead letter for good?', redriven: 'Redriven.', deleted: 'Deleted.', notRedrivable: 'not redrivable',
    dequeues: 'Deliveries',
    navReports: 'Reports', reportsTitle: 'Digests and packs', reportPick: 'Pick a report period from the list.',
    reportNone: 'None stored yet.', reportRun: 'Build now', reportOnRequest: 'on request', reportBuilding: 'Building the report…',
    reportStillBuilding: 'The report is still being built; refresh in a moment.',
  },
  ar: {
    brand: 'لوحة ديلكس', tenant: 'المستأجر', signOut: 'تسجيل الخروج', signInTitle: 'تسجيل الدخول', signIn: 'دخول',
    signInHelp: 'أدخل مفتاح المشغّل. يبقى في هذا التبويب فقط.', operatorKey: 'مفتاح المشغّل',
    badKey: 'لم يُقبل هذا المفتاح.', notOperatorKey: 'هذا ليس مفتاح مشغّل.',
    navApprovals: 'الموافقات', navTasks: 'المهام', navTickets: 'التذاكر', navWorkflows: 'سير العمل', navKillSwitch: 'مفتاح الإيقاف',
    cancel: 'إلغاء', confirm: 'تأكيد', refresh: 'تحديث', pickTenant: 'اختر مستأجرًا في الأعلى.',
    approvalsTitle: 'قائمة الموافقات', approvalsEmpty: 'لا توجد مسودات بانتظار الموافقة.',
    shortcuts: 'المفاتيح: j/k تنقل، a موافقة، e تعديل، r رفض', why: 'سبب الإحالة', channel: 'القناة', stage: 'المرحلة',
    proposedStage: 'الموافقة تنقل الصفقة أيضًا إلى', expiresIn: 'المهلة: تنتهي خلال', expired: 'المهلة: انتهت', noSla: 'بلا مهلة',
    approve: 'موافقة', edit: 'تعديل', approveEdited: 'موافقة بعد التعديل', reject: 'رفض', reason: 'السبب',
    rejectConfirm: 'رفض هذه المسودة؟ لن تُرسل الرسالة.', approved: 'تمت الموافقة.', rejected: 'تم الرفض.',
    tasksTitle: 'المهام البشرية', tasksEmpty: 'لا توجد مهام مفتوحة.', claim: 'استلام', release: 'إعادة', complete: 'إنجاز',
    rejectTask: 'رفض', due: 'الاستحقاق', owner: 'المسؤول', status: 'الحالة', claimedBy: 'استلمها', title: 'العنوان', area: 'المجال',
    overdue: 'متأخرة', onTime: 'في الوقت',
    ticketsTitle: 'تذاكر الدعم', ticketsEmpty: 'لا توجد تذاكر.', priority: 'الأولوية', subject: 'الموضوع', opened: 'فُتحت',
    killTitle: 'مفتاح الإيقاف', killPaused: 'الأتمتة متوقفة: لا يُتخذ أي إجراء خارجي آلي.',
    killRunning: 'الأتمتة تعمل.', pause: 'إيقاف كل الأتمتة', resume: 'استئناف الأتمتة',
    pauseConfirm: 'إيقاف كل إجراء خارجي آلي لكل المستأجرين؟', resumeConfirm: 'استئناف الإجراءات الآلية لكل المستأجرين؟',
    killHelp: 'عام (لكل المستأجرين). أثناء الإيقاف تنتظر الرسائل في الطابور، وتصبح الردود الآلية مسودات وتنتظر المتابعات؛ ويمكن تسجيل الموافقات. كل تغيير يُسجّل في سجل التدقيق.',
    workflowsTitle: 'سير العمل', name: 'الاسم', idPrefix: 'بادئة المعرّف', createdFrom: 'أُنشئ من', createdTo: 'أُنشئ حتى',
    any: 'الكل', search: 'بحث', next: 'التالي', previous: 'السابق', created: 'الإنشاء', updated: 'آخر تحديث',
    instance: 'النسخة', input: 'المدخلات', output: 'المخرجات', customStatus: 'الحالة المخصصة', history: 'السجل',
    terminate: 'إنهاء', suspend: 'تعليق', resumeInstance: 'استئناف', restart: 'إعادة تشغيل', purge: 'حذف نهائي',
    raiseEvent: 'إرسال حدث', eventName: 'اسم الحدث', eventData: 'بيانات الحدث (JSON)', back: 'رجوع',
    terminateConfirm: 'إنهاء هذه النسخة؟', purgeConfirm: 'حذف هذه النسخة وسجلها نهائيًا؟',
    noHistory: 'السجل غير متاح على مزود التخزين هذا.', done: 'تم.', workflowsEmpty: 'لا توجد نسخ مطابقة.',
    badJson: 'بيانات الحدث ليست JSON صالحًا.',
    navDeals: 'الصفقات', dealsTitle: 'مسار الصفقات', dealsEmpty: 'لا توجد صفقات بعد.', awaitingApproval: 'مسودة بانتظار الموافقة',
    navIncidents: 'الحوادث', incidentsTitle: 'الحوادث', incidentsEmpty: 'لا توجد حوادث.', severity: 'الخطورة', phase: 'المرحلة',
    detected: 'الاكتشاف', pdpl: 'مهلة نظام حماية البيانات (72 ساعة)', freeze: 'التجميد', frozen: 'مجمّد',
    support: 'دعم القرار', sla_pending: 'ضمن المهلة', sla_warning: 'تنبيه', sla_breach: 'تجاوز', sla_expired: 'انتهت', flaggedBecause: 'يحتاج قرارًا بشريًا لأن', actionClass: 'فئة الإجراء', supportLoading: 'جارٍ تحميل دعم القرار…', compliance: 'الامتثال', risk: 'المخاطر',
    intent: 'النية', keywords: 'الكلمات المطابقة', confidence: 'الثقة', thread: 'آخر الرسائل', threadEmpty: 'لا توجد رسائل مسجلة.',
    similar: 'قرارات سابقة مشابهة', similarEmpty: 'لا توجد قرارات مشابهة بعد.', inbound: 'العميل', outbound: 'أُرسلت',
    slaWarning: 'تنبيه عند', slaDue: 'تستحق عند', edited: 'معدّلة', riskLow: 'منخفضة', riskMedium: 'متوسطة', riskHigh: 'عالية',
    feedback: 'ملاحظات', factuality: 'دقة المعلومات', helpfulness: 'الفائدة', tone: 'الأسلوب', policyAlignment: 'الالتزام بالسياسة',
    exemplar: 'مثال جيد (نموذج)', comment: 'تعليق', saveFeedback: 'حفظ الملاحظات', feedbackSaved: 'حُفظت الملاحظات.',
    feedbackGiven: 'ملاحظات مسجلة', timeline: 'الخط الزمني', timelineTitle: 'الخط الزمني للصفقة', timelineEmpty: 'لا شيء مسجل لهذه الصفقة بعد.',
    messageIn: 'رسالة من العميل', messageOut: 'رسالة مُرسلة', draftEvent: 'مسودة', stageEvent: 'انتقال مرحلة', ledgerEvent: 'السجل',
    evidencePack: 'حزمة الأدلة', tenantSwitch: 'هذا المستأجر', tenantPaused: 'الأتمتة متوقفة لهذا المستأجر.',
    tenantRunning: 'الأتمتة تعمل لهذا المستأجر.', pauseTenant: 'إيقاف هذا المستأجر', resumeTenant: 'استئناف هذا المستأجر',
    pauseTenantConfirm: 'إيقاف كل إجراء خارجي آلي للمستأجر', resumeTenantConfirm: 'استئناف الإجراءات الآلية للمستأجر',
    tenantHelp: 'لكل مستأجر: نفس التجميد الذي تأخذه الحوادث، بقفل خاص به. الاستئناف يرفع هذا القفل فقط؛ وتبقى أقفال الحوادث.',
    incidentHolds: 'حوادث تُبقي التجميد', globalPausedToo: 'المفتاح العام متوقف أيضًا.', killLedger: 'سجل مفتاح الإيقاف',
    adminOnly: 'الإيقاف والاستئناف لمفتاح المشرف فقط.', when: 'الوقت', action: 'الإجراء', actor: 'بواسطة', outcome: 'النتيجة', scope: 'النطاق',
    deadLetters: 'الرسائل الميتة', navDeadLetters: 'الرسائل الميتة', deadLettersTitle: 'الرسائل الميتة', deadLettersEmpty: 'لا توجد رسائل ميتة.', kind: 'النوع', source: 'المصدر',
    reasonText: 'السبب', occurred: 'الحدوث', redrive: 'إعادة إرسال', deleteLetter: 'حذف', redriveConfirm: 'إعادة هذه الرسالة إلى طابورها؟',
    deleteConfirm: 'حذف هذه الرسالة الميتة نهائيًا؟', redriven: 'أُعيد الإرسال.', deleted: 'حُذفت.', notRedrivable: 'لا يمكن إعادتها',
    dequeues: 'مرات التسليم',
    navReports: 'التقارير', reportsTitle: 'الملخصات والحزم', reportPick: 'اختر فترة تقرير من القائمة.',
    reportNone: 'لا يوجد تقرير محفوظ بعد.', reportRun: 'أنشئ الآن', reportOnRequest: 'عند الطلب', reportBuilding: 'جارٍ إنشاء التقرير…',
    reportStillBuilding: 'ما زال التقرير قيد الإنشاء؛ حدّث الصفحة بعد قليل.',
  },
};

export const reasonCodes = {
  en: { wrong_facts: 'Wrong facts', tone: 'Tone', prohibited_claim: 'Prohibited claim', wrong_recipient: 'Wrong recipient',
    wrong_timing: 'Wrong timing', duplicate: 'Duplicate', compliance: 'Compliance', other: 'Other' },
  ar: { wrong_facts: 'معلومات خاطئة', tone: 'الأسلوب', prohibited_claim: 'ادعاء محظور', wrong_recipient: 'مستلم خاطئ',
    wrong_timing: 'توقيت خاطئ', duplicate: 'مكرر', compliance: 'الامتثال', other: 'أخرى' },
};

// Arabic names of the deal stages (§8.1) and the reply categories (§9.1); English shows the wire names operators know.
const stageNames = {
  new_lead: 'عميل محتمل جديد', qualifying: 'قيد التأهيل', qualified: 'مؤهَّل', nurturing: 'رعاية', meeting_booked: 'اجتماع محجوز',
  meeting_done: 'تم الاجتماع', proposal_sent: 'أُرسل العرض', negotiating: 'تفاوض', payment_requested: 'طُلب الدفع',
  pilot_active: 'تجربة فعالة', closed_won: 'مغلقة بنجاح', closed_lost: 'مغلقة بخسارة', opted_out: 'ألغى الاشتراك',
};
const categoryNames = {
  unsubscribe: 'إلغاء الاشتراك', complaint: 'شكوى', out_of_office: 'خارج المكتب', not_interested: 'غير مهتم', wrong_person: 'شخص خاطئ',
  already_has_solution: 'لديه حل بالفعل', ask_price: 'يسأل عن السعر', ask_demo: 'يطلب عرضًا توضيحيًا', not_now: 'ليس الآن',
  ask_info: 'يطلب معلومات', interested: 'مهتم', unclear: 'غير واضح', follow_up: 'متابعة', payment_received: 'دفعة مستلمة',
};

/** The stage's name in the current language (the wire name in English and for unknown stages). */
export const stageName = (code) => (current === 'ar' && code && stageNames[code]) || code || '—';

/** The reply category's name in the current language. */
export const categoryName = (code) => (current === 'ar' && code && categoryNames[code]) || code || '—';

let current = localStorage.getItem('dealix.lang') === 'ar' ? 'ar' : 'en';

export const lang = () => current;

export function t(key) {
  return strings[current][key] ?? strings.en[key] ?? key;
}

export function setLang(next) {
  current = next === 'ar' ? 'ar' : 'en';
  localStorage.setItem('dealix.lang', current);
  applyStatic();
}

/** Sets <html lang dir> and the text of every [data-i18n] element. */
export function applyStatic() {
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  document.getElementById('lang').textContent = current === 'ar' ? 'English' : 'العربية';
}

export function formatTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(current === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

export function formatSpan(ms) {
  const minutes = Math.max(0, Math.floor(ms / 60000));
  const d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60;
  const [dd, hh, mm] = current === 'ar' ? ['ي', 'س', 'د'] : ['d', 'h', 'm'];
  return d > 0 ? `${d}${dd} ${h}${hh}` : h > 0 ? `${h}${hh} ${m}${mm}` : `${m}${mm}`;
}
