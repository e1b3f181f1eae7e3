import type { ColumnType, Generated, Selectable } from 'kysely';
import type { RobotProvider } from '../../platform/notify/robots.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** A group robot (政务钉钉/钉钉, 企业微信, 飞书) of one unit, with the notification kinds it carries. */
export interface ChannelRobotTable {
  id: Generated<number>;
  unitId: number;
  name: string;
  provider: RobotProvider;
  /** The robot's webhook address (DingTalk's carries its access_token, WeCom's its key). */
  url: string;
  /** The signing secret (DingTalk, Feishu); kept in clear to sign, never returned after creation. */
  secret: string | null;
  kinds: ColumnType<string[], string[] | undefined, string[]>;
  /** Only urgent notices of those kinds (督办 and above, by the policy). */
  urgentOnly: Generated<boolean>;
  /** Mention the recipients by mobile (DingTalk at.atMobiles). */
  mention: Generated<boolean>;
  active: Generated<boolean>;
  createdBy: number | null;
  createdAt: Timestamp;
}
export type ChannelRobot = Selectable<ChannelRobotTable>;

export interface ChannelSmsGatewayTable {
  id: number;
  kind: 'http' | 'log';
  url: string | null;
  method: Generated<'POST' | 'PUT' | 'GET'>;
  headers: Json<Record<string, string>>;
  bodyTemplate: Generated<string>;
  secret: string | null;
  updatedBy: number | null;
  updatedAt: Timestamp;
}
export type ChannelSmsGateway = Selectable<ChannelSmsGatewayTable>;

export interface ChannelSettingTable {
  personId: number;
  choices: Json<Record<string, string[]>>;
  quietStart: string | null;
  quietEnd: string | null;
  digest: Generated<boolean>;
  updatedAt: Timestamp;
}

export interface ChannelDigestTable {
  personId: number;
  day: ColumnType<string, string, string>;
  notificationId: number | null;
}

declare module '../../platform/db/schema.ts' {
  interface Database {
    channelRobot: ChannelRobotTable;
    channelSmsGateway: ChannelSmsGatewayTable;
    channelSetting: ChannelSettingTable;
    channelDigest: ChannelDigestTable;
  }
}
