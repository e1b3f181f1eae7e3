import type { MessageKey } from './i18n.ts';

/**
 * The name of the page at a path, as a dictionary key: the layout shows it as the page's one
 * h1 and puts it in the document title ("督办台账 · 马上"), so every page is named the same way.
 */
const PAGES: [RegExp, MessageKey][] = [
  [/^\/$/, 'menu.workbench'],
  [/^\/workbench$/, 'menu.workbench'],
  [/^\/tasks$/, 'menu.ledger'],
  [/^\/tasks\/new$/, 'menu.assign'],
  [/^\/tasks\/\d+(\/notice)?$/, 'page.task'],
  [/^\/meetings$/, 'menu.meetings'],
  [/^\/meetings\/new$/, 'page.meetingNew'],
  [/^\/meetings\/\d+\/edit$/, 'page.meetingEdit'],
  [/^\/meetings\/\d+(\/timer)?$/, 'page.meeting'],
  [/^\/field-work$/, 'menu.research'],
  [/^\/field-work\/new$/, 'page.fieldVisitNew'],
  [/^\/dashboard$/, 'menu.dashboard'],
  [/^\/notifications$/, 'menu.notifications'],
  [/^\/documents$/, 'menu.documents'],
  [/^\/documents\/\d+$/, 'page.document'],
  [/^\/admin\/units$/, 'menu.units'],
  [/^\/admin\/people$/, 'menu.people'],
  [/^\/admin\/calendar$/, 'menu.calendar'],
  [/^\/admin\/policy$/, 'menu.policy'],
  [/^\/admin\/open311$/, 'menu.open311'],
  [/^\/admin\/channels$/, 'menu.channels'],
  [/^\/desk$/, 'menu.desk'],
  [/^\/desk\/\d+$/, 'page.request'],
  [/^\/scoreboard$/, 'menu.scoreboard'],
  [/^\/scoreboard\/units\/\d+$/, 'page.scoreUnit'],
  [/^\/cases$/, 'menu.cases'],
  [/^\/cases\/\d+$/, 'page.case'],
  [/^\/accountability$/, 'menu.accountability'],
  [/^\/accountability\/\d+$/, 'page.accountability'],
  [/^\/reports$/, 'menu.reports'],
  [/^\/reports\/\d+$/, 'page.report'],
  [/^\/summary$/, 'menu.summary'],
  [/^\/login$/, 'login.title'],
];

export function pageTitleKey(pathname: string, landing: 'overview' | 'workbench' = 'workbench'): MessageKey {
  // Leaders and supervisors land on the 驾驶舱 at /; everyone else on the workbench.
  if (pathname === '/' && landing === 'overview') return 'ov.title';
  return PAGES.find(([re]) => re.test(pathname))?.[1] ?? 'page.notFound';
}
