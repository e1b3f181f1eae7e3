import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { acceptUpload, ATTACHMENT_RULE } from '../../platform/files/upload.ts';
import { TASK_ERRORS } from './errors.ts';
import { canUpload } from './policy.ts';
import type { TaskService } from './service.ts';
import type { TaskStore } from './store.ts';

/** Evidence files of a task (progress reports and completions cite them once uploaded). */
export class TaskAttachments {
  constructor(
    private readonly db: Db,
    private readonly tasks: TaskService,
    private readonly store: TaskStore,
  ) {}

  /**
   * Stores an attachment (up to the route's limit) for a later progress report or completion.
   * What the file is comes from its bytes; a kind outside the allow list is refused with 415.
   */
  async upload(ctx: AuditContext, actor: Actor, id: number, fileName: string, bytes: Buffer) {
    const t = await this.tasks.get(actor, id);
    if (!canUpload(actor, t)) throw forbidden('只有责任人、主办单位负责人、交办人或分管领导可以上传附件。');
    // What the file is comes from its bytes (the platform's upload rules); its name is sanitised.
    const file = acceptUpload(ATTACHMENT_RULE, fileName, bytes);
    return this.db.transaction().execute(async (trx) => {
      const a = await this.store.addAttachment(trx, { taskId: id, fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256, data: bytes, uploadedBy: actor.personId, createdAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'task.attachment_upload', objectType: 'task', objectId: id, after: { attachmentId: a.id, fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256 } });
      return a;
    });
  }

  /** An attachment's bytes, for someone who may see the task. */
  async get(actor: Actor, id: number, attachmentId: number) {
    await this.tasks.get(actor, id);
    const a = await this.store.attachment(this.db, id, attachmentId);
    if (!a) throw notFound(TASK_ERRORS.ATTACHMENT_NOT_FOUND, attachmentId);
    return a;
  }
}
