import { Link } from 'react-router';
import type { Task } from '../lib/types.ts';

/** A task's title as a link to its page. Titles are user text: React renders them as text. */
export function TaskLink({ task }: { task: Pick<Task, 'id' | 'title'> }) {
  return (
    <Link to={`/tasks/${task.id}`} data-testid={`task-link-${task.id}`}>
      {task.title}
    </Link>
  );
}
