import { createHash } from 'node:crypto';
import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { canUpload } from './policy.ts';
import type { TaskService } from './service.ts';
import { sniff } from './sniff.ts';
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
    const kind = sniff(bytes);
    if (!kind) {
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的文件类型：仅接受 PDF、图片、Office/WPS/OFD 文档、压缩包和纯文本 (unsupported file type, judged by its content).');
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    return this.db.transaction().execute(async (trx) => {
      const a = await this.store.addAttachment(trx, { taskId: id, fileName, contentType: kind.contentType, size: bytes.length, sha256: digest, data: bytes, uploadedBy: actor.personId, createdAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'task.attachment_upload', objectType: 'task', objectId: id, after: { attachmentId: a.id, fileName, contentType: kind.contentType, size: bytes.length, sha256: digest } });
      return a;
    });
  }

  /** An attachment's bytes, for someone who may see the task. */
  async get(actor: Actor, id: number, attachmentId: number) {
    await this.tasks.get(actor, id);
    const a = await this.store.attachment(this.db, id, attachmentId);
    if (!a) throw notFound('Attachment', attachmentId);
    return a;
  }
}
