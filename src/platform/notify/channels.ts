import { createHmac } from 'node:crypto';
import type { BlockList } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { postGuarded } from './outbound.ts';

/** What a channel sends: the inbox entry, as the recipient sees it. */
export interface Message {
  notificationId: number;
  kind: string;
  title: string;
  body: string;
  objectType: string | null;
  objectId: string | null;
  recipient: { id: number; login: string; name: string };
  createdAt: string;
}

export interface EmailChannel {
  send(to: string, message: Message): Promise<void>;
}

export function smtpChannel(url: string, from: string): EmailChannel & { close(): void } {
  const transport: Transporter = nodemailer.createTransport(url);
  return {
    async send(to, m) {
      await transport.sendMail({
        from,
        to,
        subject: `【马上】${m.title}`,
        text: `${m.recipient.name}：\n\n${m.body}\n\n—— 马上 (Mashang)`,
      });
    },
    close: () => transport.close(),
  };
}

/**
 * JSON POST, signed with HMAC-SHA256 of the body under the webhook's secret. The body carries
 * `sentAt` (also in `x-mashang-timestamp`), so a receiver can refuse a replayed delivery; only
 * addresses the outbound rules allow are reached (outbound.ts).
 */
export async function postWebhook(url: string, secret: string, deliveryId: number, message: Message, timeoutMs: number, allow: BlockList, now: Date): Promise<void> {
  const sentAt = now.toISOString();
  const body = JSON.stringify({ deliveryId, sentAt, ...message });
  const status = await postGuarded(
    url,
    {
      'content-type': 'application/json',
      'x-mashang-delivery': String(deliveryId),
      'x-mashang-timestamp': sentAt,
      'x-mashang-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
    body,
    timeoutMs,
    allow,
  );
  if (status < 200 || status >= 300) throw new Error(`webhook answered HTTP ${status}`);
}
