/**
 * Task actions on screen: which buttons to show (exactly the server's allowedActions, in the
 * order the work flows), where each one posts, and the body it sends.
 */
export const ACTION_ORDER = [
  'sign',
  'co_sign',
  'dispatch',
  'plan',
  'progress',
  'co_progress',
  'answer_urging',
  'request_extension',
  'submit',
  'verify',
  'reject',
  'close',
  'return',
  'reassign',
  'urge',
  'supervise',
  'instruct',
  'attach',
  'edit',
  'withdraw',
] as const;
export type ActionKind = (typeof ACTION_ORDER)[number];

/** The buttons for these allowed actions, main flow first. Extension decisions sit on the request itself. */
export function actionButtons(allowed: readonly string[]): ActionKind[] {
  return ACTION_ORDER.filter((a) => allowed.includes(a));
}

/** The primary (highlighted) action: the next step of the main flow. */
export function primaryAction(allowed: readonly string[]): ActionKind | null {
  for (const a of ['sign', 'co_sign', 'answer_urging', 'verify', 'submit', 'progress', 'co_progress', 'close', 'reassign', 'urge'] as const) if (allowed.includes(a)) return a;
  return null;
}

export const DANGEROUS: readonly ActionKind[] = ['reject', 'return', 'withdraw'];

/** Form values after dates became YYYY-MM-DD strings. */
export type ActionValues = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const optional = (v: unknown) => (text(v) ? text(v) : undefined);

/** The request for an action: path relative to the task, and the JSON body. */
export function actionRequest(action: ActionKind, taskId: number, version: number, v: ActionValues): { path: string; body: Record<string, unknown> } {
  const base = `/api/v1/tasks/${taskId}`;
  const ids = (k: string) => (Array.isArray(v[k]) && (v[k] as unknown[]).length ? (v[k] as number[]) : undefined);
  switch (action) {
    case 'sign':
      return { path: `${base}/sign`, body: { version } };
    case 'dispatch':
      return { path: `${base}/dispatch`, body: { version, responsibleId: v.responsibleId, note: optional(v.note) } };
    case 'progress':
      return { path: `${base}/progress`, body: { version, percent: Number(v.percent ?? 0), text: text(v.text), milestoneIds: ids('milestoneIds'), attachmentIds: ids('attachmentIds') } };
    case 'plan':
      return {
        path: `${base}/plan`,
        body: { version, milestones: ((v.milestones as { title?: string; due?: string; ownerId?: number }[] | undefined) ?? []).map((m) => ({ title: text(m.title), due: m.due, ...(m.ownerId ? { ownerId: m.ownerId } : {}) })) },
      };
    case 'submit':
      return {
        path: `${base}/submit`,
        body: {
          version,
          completion: { text: text(v.completionText), evidence: optional(v.evidence) },
          summary: { done: text(v.done), result: text(v.result), lessons: text(v.lessons) },
          attachmentIds: ids('attachmentIds'),
        },
      };
    case 'verify':
      return { path: `${base}/verify`, body: { version, note: optional(v.note) } };
    case 'reject':
    case 'return':
      return { path: `${base}/${action}`, body: { version, reason: text(v.reason) } };
    case 'close': {
      const given = text(v.done) || text(v.result) || text(v.lessons);
      return { path: `${base}/close`, body: { version, ...(given ? { summary: { done: text(v.done), result: text(v.result), lessons: text(v.lessons) } } : {}) } };
    }
    case 'reassign':
      return { path: `${base}/reassign`, body: { version, leadUnitId: v.leadUnitId, responsibleId: v.responsibleId || undefined, deadline: optional(v.deadline), note: optional(v.note) } };
    case 'request_extension':
      return { path: `${base}/extensions`, body: { version, reason: text(v.reason), newDeadline: v.newDeadline } };
    case 'urge':
    case 'supervise':
      // The reply deadline: a date when one was picked, else N 工作日 from today.
      return { path: `${base}/urgings`, body: { version, level: action, text: text(v.text), replyDue: typeof v.replyDue === 'string' && v.replyDue ? v.replyDue : { workdays: Number(v.replyWorkdays ?? 3) } } };
    case 'answer_urging':
      return { path: `${base}/urgings/${Number(v.urgingId)}/answer`, body: { version, text: text(v.text) } };
    case 'co_sign':
      return { path: `${base}/co-sign`, body: { version, ...(v.unitId ? { unitId: v.unitId } : {}) } };
    case 'co_progress':
      return { path: `${base}/co-progress`, body: { version, ...(v.unitId ? { unitId: v.unitId } : {}), percent: Number(v.percent ?? 0), text: text(v.text) } };
    case 'edit': {
      // Only what was given: an emptied description, standard or assessment is sent as '' (cleared).
      const field = (k: string) => (typeof v[k] === 'string' ? { [k]: v[k].trim() } : {});
      return {
        path: `${base}/edit`,
        body: { version, ...field('title'), ...field('description'), ...field('standard'), ...field('assessment'), ...(typeof v.deadline === 'string' && v.deadline ? { deadline: v.deadline } : {}), ...(v.leadUnitId ? { leadUnitId: v.leadUnitId } : {}) },
      };
    }
    case 'withdraw':
      return { path: `${base}/withdraw`, body: { version, reason: text(v.reason) } };
    case 'attach':
      return { path: `${base}/attach`, body: { version, attachmentIds: ids('attachmentIds') ?? [], note: optional(v.note) } };
    case 'instruct': {
      const title = text(v.milestoneTitle);
      return { path: `${base}/instructions`, body: { version, text: text(v.text), ...(title || v.milestoneDue ? { milestone: { title, due: v.milestoneDue } } : {}) } };
    }
  }
}

/** Approve or reject a pending extension request. */
export function extensionDecision(taskId: number, extensionId: number, approve: boolean, version: number, note?: string) {
  return { path: `/api/v1/tasks/${taskId}/extensions/${extensionId}/${approve ? 'approve' : 'reject'}`, body: { version, note: optional(note) } };
}
