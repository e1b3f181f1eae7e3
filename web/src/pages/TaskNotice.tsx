import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams, Link } from 'react-router';
import { ErrorState, Loading } from '../components/States.tsx';
import { api } from '../lib/api.ts';
import { useT } from '../lib/i18n.ts';

type Notice = { title: string; number: string; rows: { label: string; text: string }[]; signer: string; date: string };

/** A sheet of A4 on screen; on paper only the sheet (the toolbar is hidden by the print stylesheet). */
const CSS = `
.notice-page { background: #f0f2f5; min-height: 100vh; padding: 16px; }
.notice-toolbar { max-width: 210mm; margin: 0 auto 12px; display: flex; gap: 8px; flex-wrap: wrap; }
.notice-toolbar a, .notice-toolbar button { font-size: 14px; padding: 4px 12px; border: 1px solid #d9d9d9; border-radius: 6px; background: #fff; color: #1f1f1f; cursor: pointer; text-decoration: none; }
.notice-toolbar button.primary { background: #0958d9; border-color: #0958d9; color: #fff; }
.notice-sheet { max-width: 210mm; margin: 0 auto; background: #fff; padding: 20mm 18mm; box-shadow: 0 1px 4px rgba(0,0,0,.15); font-family: 'FangSong', 'STFangsong', '仿宋', serif; font-size: 16px; color: #000; }
.notice-sheet h1 { text-align: center; font-family: 'SimSun', '宋体', serif; font-size: 28px; font-weight: 700; margin: 0 0 12px; letter-spacing: 4px; }
.notice-sheet .number { text-align: right; margin-bottom: 8px; }
.notice-sheet table { width: 100%; border-collapse: collapse; }
.notice-sheet th, .notice-sheet td { border: 1px solid #000; padding: 8px 10px; vertical-align: top; text-align: left; white-space: pre-wrap; word-break: break-word; }
.notice-sheet th { width: 22%; text-align: center; vertical-align: middle; font-family: 'SimHei', '黑体', sans-serif; font-weight: 400; }
.notice-sheet .sign { text-align: right; margin-top: 32px; line-height: 2; }
@media print {
  @page { size: A4 portrait; margin: 15mm; }
  .notice-page { background: none; padding: 0; }
  .notice-toolbar { display: none; }
  .notice-sheet { box-shadow: none; padding: 0; max-width: none; }
}
`;

/** 督办通知单 / 催办通知单 ready to print (打印督办单): the same content as the DOCX. */
export default function TaskNotice() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const kind = params.get('kind') === 'urge' ? 'urge' : 'supervise';
  const taskId = Number(id);
  const t = useT();
  const q = useQuery({ queryKey: ['tasks', 'notice', taskId, kind], queryFn: () => api.get<Notice>(`/api/v1/tasks/${taskId}/notice?kind=${kind}`), enabled: Number.isInteger(taskId) && taskId > 0 });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Loading rows={8} />;
  const n = q.data;
  return (
    <main className="notice-page">
      <style>{CSS}</style>
      <nav className="notice-toolbar" aria-label={t('task.print')}>
        <Link to={`/tasks/${taskId}`}>← {t('task.backToTask')}</Link>
        <button type="button" className="primary" onClick={() => window.print()} data-testid="notice-print">
          {kind === 'urge' ? t('task.printUrge') : t('task.print')}
        </button>
        <a href={`/api/v1/tasks/${taskId}/notice.docx?kind=${kind}`} download data-testid="notice-docx">
          {t('task.downloadDocx')}
        </a>
      </nav>
      <article className="notice-sheet" data-testid="notice-sheet">
        <h1>{n.title}</h1>
        <div className="number">编号：{n.number}</div>
        <table>
          <tbody>
            {n.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="sign">
          <div>{n.signer}</div>
          <div>{n.date}</div>
        </div>
      </article>
    </main>
  );
}
