import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../components/States.tsx';
import { api } from '../lib/api.ts';
import { useLang, useT } from '../lib/i18n.ts';
import { can, clock, firstUntimed, minutesSpoken, secondsLeft } from '../lib/meetings.ts';
import type { Meeting, MeetingActual } from '../lib/types.ts';

const CSS = `
.mtg-timer { position: fixed; inset: 0; overflow: auto; background: #0b0b0b; color: #fff; display: flex; flex-direction: column; font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
.mtg-timer.over { background: #3a0000; }
.mtg-timer header { display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 12px 20px; flex-wrap: wrap; font-size: clamp(16px, 2.2vw, 28px); }
.mtg-timer header a, .mtg-timer button { color: #fff; }
.mtg-timer main { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: safe center; text-align: center; padding: 8px 16px; min-height: 0; }
.mtg-timer .who { font-size: clamp(28px, min(5vw, 8vh), 72px); font-weight: 700; line-height: 1.2; overflow-wrap: anywhere; }
.mtg-timer .meta { font-size: clamp(16px, min(2.4vw, 4vh), 32px); opacity: .9; margin-top: 4px; overflow-wrap: anywhere; }
.mtg-timer .digits { font-variant-numeric: tabular-nums; font-weight: 800; line-height: 1; font-size: clamp(64px, min(25vw, 30vh), 480px); letter-spacing: .02em; margin: 8px 0; }
.mtg-timer .state { font-size: clamp(20px, min(3.5vw, 5vh), 48px); font-weight: 700; min-height: 1.3em; }
.mtg-timer .state.over { color: #fff; background: #d4380d; padding: 0 .5em; border-radius: 8px; }
.mtg-timer .bar { width: min(90vw, 1200px); height: 14px; background: #333; border-radius: 7px; overflow: hidden; margin-top: 12px; }
.mtg-timer .bar > div { height: 100%; background: #52c41a; }
.mtg-timer.over .bar > div { background: repeating-linear-gradient(45deg, #ff7875 0 12px, #fff 12px 18px); }
.mtg-timer footer { display: flex; flex-wrap: wrap; gap: 12px; justify-content: center; padding: 12px 16px; }
.mtg-timer button { font-size: clamp(18px, min(2.6vw, 4vh), 32px); padding: .5em 1.1em; border-radius: 10px; border: 2px solid #fff; background: #1f1f1f; cursor: pointer; min-width: 5em; }
.mtg-timer button.primary { background: #c62828; border-color: #c62828; }
.mtg-timer button:disabled { opacity: .4; cursor: not-allowed; }
.mtg-timer button:focus-visible, .mtg-timer a:focus-visible { outline: 4px solid #ffd666; outline-offset: 4px; }
.mtg-timer .keys { font-size: 14px; opacity: .75; text-align: center; padding-bottom: 12px; }
.mtg-timer .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/**
 * 讲话计时: a full-screen page for the meeting room. Very large digits count down the current
 * speaker's planned minutes; past them the screen says 已超时 with a + and counts up (not by
 * colour alone). "Done" records the actual minutes through the API and moves to the next speaker.
 * Keys: Space start/pause, → next, ← previous.
 */
export default function MeetingTimer() {
  const { id } = useParams();
  const meetingId = Number(id);
  const t = useT();
  const { lang } = useLang();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['meeting', meetingId], queryFn: () => api.get<Meeting>(`/api/v1/meetings/${meetingId}`), enabled: Number.isInteger(meetingId) && meetingId > 0 });
  const [index, setIndex] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [since, setSince] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const agenda = q.data?.agenda ?? [];
  const current = index ?? firstUntimed(agenda);
  const item = agenda[current];
  const running = since !== null;
  const spent = elapsed + (since !== null ? now - since : 0);

  useEffect(() => {
    if (!running) return;
    const h = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(h);
  }, [running]);

  const toggle = useCallback(() => {
    const at = Date.now();
    setNow(at);
    if (since !== null) {
      setElapsed((e) => e + at - since);
      setSince(null);
    } else setSince(at);
  }, [since]);
  const go = useCallback(
    (to: number) => {
      if (to < 0 || to >= agenda.length) return;
      setIndex(to);
      setElapsed(0);
      setSince(null);
    },
    [agenda.length],
  );
  const record = useMutation({
    mutationFn: (v: { itemId: number; minutes: number }) => api.post<MeetingActual>(`/api/v1/meetings/${meetingId}/agenda/${v.itemId}/actual`, { minutes: v.minutes }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['meeting', meetingId] });
      void qc.invalidateQueries({ queryKey: ['meetings'] });
      go(current + 1 < agenda.length ? current + 1 : current);
    },
  });
  const allowed = can(q.data?.allowedActions, 'record_actual');
  const done = () => {
    if (!item || !allowed || spent <= 0 || record.isPending) return;
    if (since !== null) {
      setElapsed(spent);
      setSince(null);
    }
    record.mutate({ itemId: item.id, minutes: minutesSpoken(spent) });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === ' ' || e.code === 'Space') {
        e.preventDefault();
        if (e.type === 'keydown' && !e.repeat) toggle();
      } else if (e.type === 'keydown' && e.key === 'ArrowRight') {
        e.preventDefault();
        go(current + 1);
      } else if (e.type === 'keydown' && e.key === 'ArrowLeft') {
        e.preventDefault();
        go(current - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    // A focused button would also click on Space's keyup: that is the same start/pause, once.
    window.addEventListener('keyup', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
    };
  }, [toggle, go, current]);

  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const m = q.data;
  const left = item ? secondsLeft(item.minutes, spent) : 0;
  const over = !!item && left < 0;
  const recorded = item?.actualMinutes ?? null;
  const share = item ? Math.min(1, spent / (item.minutes * 60_000)) : 0;
  return (
    <div className={`mtg-timer${over ? ' over' : ''}`} data-testid="timer" data-over={over}>
      <style>{CSS}</style>
      <header>
        <Link to={`/meetings/${meetingId}`} data-testid="timer-back">
          ← {t('mtg.back')}
        </Link>
        <h1 style={{ margin: 0, fontSize: 'inherit', fontWeight: 600, overflowWrap: 'anywhere' }}>{m?.title ?? ''}</h1>
        <button type="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})} style={{ fontSize: 16, minWidth: 0, padding: '.3em .8em' }}>
          {t('timer.fullscreen')}
        </button>
      </header>
      <main>
        {!m ? null : !item ? (
          <div className="who">{t('timer.noAgenda')}</div>
        ) : (
          <>
            <div className="meta" data-testid="timer-position">{`${t('timer.of')} ${current + 1} / ${agenda.length} · ${item.role === 'main' ? t('mtg.roleMain') : t('mtg.roleOther')}`}</div>
            <div className="who" data-testid="timer-speaker">{item.speaker ?? '—'}</div>
            {item.topic && <div className="meta">{item.topic}</div>}
            <div className="meta">{`${t('timer.planned')} ${item.minutes}${lang === 'zh' ? ' 分钟' : ' min'}${recorded !== null ? ` · ${t('timer.recorded')} ${recorded}` : ''}`}</div>
            <div className="digits" data-testid="timer-digits" aria-hidden="true">
              {over ? `+${clock(-left)}` : clock(left)}
            </div>
            <div className={`state${over ? ' over' : ''}`} data-testid="timer-state">
              {over ? `▲ ${t('timer.over')}` : running ? `● ${t('timer.left')}` : spent > 0 ? `❚❚ ${t('timer.pause')}` : ''}
            </div>
            <div className="bar" role="progressbar" aria-label={t('timer.planned')} aria-valuemin={0} aria-valuemax={item.minutes} aria-valuenow={Math.min(item.minutes, Math.floor(spent / 60_000))}>
              <div style={{ width: `${share * 100}%` }} />
            </div>
            <div className="sr" aria-live="assertive">
              {over ? t('timer.over') : ''}
            </div>
          </>
        )}
      </main>
      <footer>
        <button type="button" onClick={() => go(current - 1)} disabled={current <= 0} data-testid="timer-prev">
          ← {t('timer.prev')}
        </button>
        <button type="button" className="primary" onClick={toggle} disabled={!item} data-testid="timer-toggle" aria-pressed={running}>
          {running ? `❚❚ ${t('timer.pause')}` : spent > 0 ? `▶ ${t('timer.resume')}` : `▶ ${t('timer.start')}`}
        </button>
        <button type="button" onClick={done} disabled={!item || !allowed || spent <= 0 || record.isPending} data-testid="timer-done">
          ✓ {t('timer.done')}
        </button>
        <button type="button" onClick={() => go(current + 1)} disabled={current >= agenda.length - 1} data-testid="timer-next">
          {t('timer.next')} →
        </button>
      </footer>
      {m && !allowed && <div className="keys">{t('timer.cannotRecord')}</div>}
      {record.isError && (
        <div className="keys" role="alert" style={{ color: '#ffccc7', fontSize: 18 }}>
          {record.error.message}
        </div>
      )}
      <div className="keys">{t('timer.keys')}</div>
    </div>
  );
}
