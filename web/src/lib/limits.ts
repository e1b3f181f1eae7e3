/**
 * The sizes the task routes accept (GET /api/v1/tasks/limits), so a form refuses an oversized
 * file or says a title was cut before anything is sent — the numbers come from the server, never
 * from a literal here.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';
import type { Lang } from './i18n.ts';
import type { TaskLimits } from './types.ts';

export function useTaskLimits() {
  return useQuery({ queryKey: ['tasks', 'limits'], queryFn: () => api.get<TaskLimits>('/api/v1/tasks/limits'), staleTime: Infinity });
}

/** Bytes as people say them: 20 MB, 512 KB. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Why a file may not be attached (its size over the limit), or null when it may. */
export function oversizeMessage(file: { name: string; size: number }, limit: number | undefined, lang: Lang): string | null {
  if (limit === undefined || file.size <= limit) return null;
  return lang === 'zh'
    ? `「${file.name}」有 ${sizeText(file.size)}，超过单个附件 ${sizeText(limit)} 的上限，未上传。`
    : `“${file.name}” is ${sizeText(file.size)}, over the ${sizeText(limit)} limit for one attachment: not uploaded.`;
}

/** What to say when a paste was cut to the title's limit. */
export function titleCutMessage(pasted: number, limit: number, lang: Lang): string {
  return lang === 'zh' ? `粘贴的内容有 ${pasted} 字，事项名称最多 ${limit} 字，已截取前 ${limit} 字。` : `The pasted text had ${pasted} characters; a title holds at most ${limit}, so it was cut to ${limit}.`;
}
