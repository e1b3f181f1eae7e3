import { useQuery } from '@tanstack/react-query';
import { DatePicker, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { serverToday } from '../lib/auth.ts';
import { api } from '../lib/api.ts';
import { useT } from '../lib/i18n.ts';
import { unitTree } from '../lib/tree.ts';
import type { CalendarDays, PersonPage, UnitList } from '../lib/types.ts';
import { LIGHT_TEXT } from '../lib/theme.ts';

export function useUnits() {
  return useQuery({ queryKey: ['units'], queryFn: () => api.get<UnitList>('/api/v1/units').then((r) => r.items), staleTime: 5 * 60_000 });
}

/** A unit (or several) from the org tree the viewer may see, searchable by name. */
export function UnitPicker(props: { value?: number | number[] | null; onChange?: (v: never) => void; multiple?: boolean; placeholder?: string; allowClear?: boolean; id?: string; 'aria-label'?: string }) {
  const units = useUnits();
  const tree = useMemo(() => unitTree(units.data ?? []), [units.data]);
  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? undefined}
      onChange={props.onChange as never}
      treeData={tree}
      multiple={props.multiple ?? false}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={props.allowClear ?? true}
      loading={units.isPending}
      placeholder={props.placeholder}
      treeDefaultExpandAll={tree.length < 3}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

/** A person in a unit's subtree (or anyone the viewer may see), searched on the server. */
export function PersonPicker(props: { under?: number | null; role?: string; value?: number | null; onChange?: (v: number | undefined) => void; placeholder?: string; id?: string; 'aria-label'?: string }) {
  const [q, setQ] = useState('');
  const people = useQuery({
    queryKey: ['people', props.under ?? null, props.role ?? null, q],
    queryFn: () => api.get<PersonPage>('/api/v1/people', { under: props.under ?? undefined, role: props.role, q: q || undefined, limit: 50 }).then((r) => r.items),
  });
  return (
    <Select
      id={props.id}
      aria-label={props['aria-label']}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      loading={people.isPending}
      placeholder={props.placeholder}
      options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}${p.title ? ` · ${p.title}` : ''}）` }))}
      style={{ width: '100%' }}
    />
  );
}

/** The working calendar of the months around a date: holidays and makeup working days. */
export function useCalendarDays(center: Dayjs) {
  const from = center.startOf('month').subtract(1, 'month').format('YYYY-MM-DD');
  const to = center.endOf('month').add(2, 'month').format('YYYY-MM-DD');
  return useQuery({
    queryKey: ['calendar', from, to],
    queryFn: () => api.get<CalendarDays>('/api/v1/calendar/days', { from, to }).then((r) => new Map(r.items.map((d) => [d.date, d]))),
    staleTime: 60 * 60_000,
  });
}

/** A date picker that marks 休 (holidays) and 班 (makeup working days) and refuses past days. */
export function WorkdayDatePicker(props: { value?: Dayjs | null; onChange?: (v: Dayjs | null) => void; id?: string; minDate?: Dayjs; 'aria-label'?: string }) {
  const t = useT();
  const [panel, setPanel] = useState<Dayjs>(props.value ?? props.minDate ?? serverToday());
  const days = useCalendarDays(panel);
  return (
    <DatePicker
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(v)}
      onPanelChange={(v) => setPanel(v)}
      // Enter picks the typed date; it must not also submit the form around the picker (交办).
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
      disabledDate={(d) => (props.minDate ? d.isBefore(props.minDate, 'day') : false)}
      style={{ width: '100%' }}
      cellRender={(current, info) => {
        if (info.type !== 'date' || typeof current === 'number' || typeof current === 'string') return info.originNode;
        const day = days.data?.get(current.format('YYYY-MM-DD'));
        const mark = day?.kind === 'holiday' ? t('cal.holiday') : day?.kind === 'makeup_workday' ? t('cal.makeup') : null;
        return (
          <div className="ant-picker-cell-inner" title={day?.name} style={{ position: 'relative' }}>
            {current.date()}
            {mark && (
              <span data-day-kind={day?.kind} style={{ position: 'absolute', top: -6, right: -8, fontSize: 10, lineHeight: 1, color: day?.kind === 'holiday' ? LIGHT_TEXT.green : LIGHT_TEXT.red }}>
                {mark}
              </span>
            )}
          </div>
        );
      }}
    />
  );
}
