import { fileURLToPath } from 'node:url';
import type { MashangModule } from '../../platform/module.ts';
import { DigestService, digestJob } from './digest.ts';
import { channelRoutes } from './routes.ts';
import { ChannelService } from './service.ts';
import { ChannelStore } from './store.ts';
import './errors.ts';
import './schema.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    /** 通知渠道: group robots, the SMS gateway, personal channels and quiet hours (the outbox's plugin). */
    channels: ChannelService;
    /** 今日待办: the morning digest. */
    digest: DigestService;
  }
}

/** 通知渠道: notices where a county office reads them (政务钉钉, 企业微信, 飞书, SMS), within policy. */
export const channelsModule: MashangModule<'channels' | 'digest'> = {
  name: 'channels',
  prefix: '/api/v1/channels',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  services({ database, clock, calendar, policy, notify, org, auth }, { taskViews }, opts) {
    const store = new ChannelStore();
    const channels = new ChannelService(database.db, clock, calendar, policy, notify, org, store, opts.publicUrl ?? `https://${opts.hostName ?? 'mashang.local'}`);
    notify.useChannels(channels);
    return { channels, digest: new DigestService(database.db, clock, calendar, policy, notify, auth, taskViews, store) };
  },
  routes: (app, s) => channelRoutes(app, s),
  jobs: (s) => [digestJob(s.digest)],
};
