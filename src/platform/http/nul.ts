import type { FastifyInstance } from 'fastify';
import { PLATFORM_ERRORS } from '../errors.ts';
import { errorBody } from './errors.ts';

/**
 * The path (`body.milestones.0.title`) of the first string or object key holding a NUL
 * character, or null. Iterative: a 1 MB body can nest deeper than the call stack.
 */
export function findNul(value: unknown, root: string): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return `${path}.${k}`;
        stack.push([x, `${path}.${k}`]);
      }
    }
  }
  return null;
}

/**
 * PostgreSQL cannot store a NUL character in text or jsonb: it answers with an error, which would
 * surface as a 500. So every route refuses one anywhere in its body, query string or path with a
 * 400 naming the field — before validation, so a route whose schema forgets a field is covered
 * too. (The shared zod pieces refuse the other control characters where text is expected.)
 */
export function registerNulCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req, reply) => {
    const path = findNul(req.params, 'params') ?? findNul(req.query, 'querystring') ?? findNul(req.body, 'body');
    if (!path) return;
    return reply.status(400).send(
      errorBody(PLATFORM_ERRORS.VALIDATION, `请求参数有误: ${path} 含有 NUL 字符 \\u0000，无法保存 (invalid request: ${path} contains a NUL character, which cannot be stored).`, [
        { path, message: '含有 NUL 字符 \\u0000，无法保存 (contains a NUL character, which cannot be stored)' },
      ]),
    );
  });
}
