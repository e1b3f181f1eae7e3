import { expect } from 'vitest';
import type { Client } from './context.ts';

/**
 * A lifecycle action (POST /api/v1/tasks/:id/<action>), which answers with what changed
 * (TaskChange), then the task page read again, as the web app does after an action.
 */
export async function actThenRead(c: Client, taskId: number, action: string, body: unknown) {
  const res = await c.post(`/api/v1/tasks/${taskId}/${action}`, body);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).not.toHaveProperty('timeline');
  return (await c.get(`/api/v1/tasks/${taskId}`)).json();
}
