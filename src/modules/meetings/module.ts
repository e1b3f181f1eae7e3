import { fileURLToPath } from 'node:url';
import type { MashangModule } from '../../platform/module.ts';
import { seedDemoMeetings } from './demo.ts';
import { meetingRoutes } from './routes.ts';
import { MeetingService } from './service.ts';
import { MeetingStore } from './store.ts';
import './schema.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    /** 会议 (精文减会): plans checked before the fact, approvals, the timer, decisions → tasks. */
    meetings: MeetingService;
  }
}

/** 会议 (精文减会): meetings checked when planned, decisions concluded into supervised tasks. */
export const meetingsModule: MashangModule<'meetings'> = {
  name: 'meetings',
  prefix: '/api/v1/meetings',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  services({ database, clock, policy, notify, org }, { tasks }) {
    return { meetings: new MeetingService(database.db, clock, policy, notify, org, tasks, new MeetingStore()) };
  },
  routes: (app, s) => meetingRoutes(app, s),
  demo: (s, withClock) => seedDemoMeetings(s, withClock),
};
