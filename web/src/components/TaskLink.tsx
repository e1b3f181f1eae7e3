import { Link } from 'react-router';
import type { Task } from '../lib/types.ts';

/**
 * A task's title as a link to its page. Titles are user text: React renders them as text. They
 * are Chinese, so marked lang="zh" (read in Chinese inside the English UI too; issue #23).
 */
export function TaskLink({ task }: { task: Pick<Task, 'id' | 'title'> }) {
  return (
    <Link to={`/tasks/${task.id}`} data-testid={`task-link-${task.id}`} lang="zh">
      {task.title}
    </Link>
  );
}
