import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_USER, roles } from '../../platform/http/access.ts';
import { NoContent } from '../../platform/http/responses.ts';
import { IdParam } from '../../platform/http/zod.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { GatewayBody, GatewayResponse, RobotBody, RobotPatchBody, RobotResponse, SettingsBody, SettingsResponse, SmsTestBody, SmsTestResult, TestResult } from './schemas.ts';

/** Robots: an admin anywhere, a supervisor (督查室) for units of their region. */
const ROBOT_KEEPERS = roles('admin', 'supervisor');
const ADMIN = roles('admin');

/** The channels module's routes, under /api/v1/channels. */
export function channelRoutes(fastify: FastifyInstance, services: PlatformServices & ModuleServices): void {
  const { channels } = services;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['channels'];

  app.get('/robots', {
    config: { access: ROBOT_KEEPERS },
    schema: { tags, summary: '群机器人 (group robots): all for an admin, those of the region for a supervisor', response: { 200: z.object({ items: z.array(RobotResponse) }) } },
    handler: async (req) => ({ items: await channels.listRobots(req.actor!) }),
  });

  app.post('/robots', {
    config: { access: ROBOT_KEEPERS },
    schema: {
      tags,
      summary: 'Add a group robot (dingtalk, wecom, feishu) to a unit, with the kinds it carries ("tasks.*", exact kinds; none = all); urgentOnly: only urgent notices (督办 and above). The secret is never returned.',
      body: RobotBody,
      response: { 201: RobotResponse },
    },
    handler: async (req, reply) => reply.status(201).send(await channels.createRobot(req.auditContext(), req.actor!, req.body)),
  });

  app.patch('/robots/:id', {
    config: { access: ROBOT_KEEPERS },
    schema: { tags, summary: 'Change a robot (name, address, secret, kinds, urgentOnly, mention, active)', params: IdParam, body: RobotPatchBody, response: { 200: RobotResponse } },
    handler: async (req) => channels.updateRobot(req.auditContext(), req.actor!, req.params.id, req.body),
  });

  app.delete('/robots/:id', {
    config: { access: ROBOT_KEEPERS },
    schema: { tags, summary: 'Disable a robot', params: IdParam, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await channels.disableRobot(req.auditContext(), req.actor!, req.params.id);
      return reply.status(204).send();
    },
  });

  app.post('/robots/:id/test', {
    config: { access: ROBOT_KEEPERS },
    schema: { tags, summary: '发送测试消息: sent at once; ok false with the robot’s refusal (HTTP status, errcode) when it does not accept it', params: IdParam, response: { 200: TestResult } },
    handler: async (req) => channels.testRobot(req.auditContext(), req.actor!, req.params.id),
  });

  app.get('/sms-gateway', {
    config: { access: ADMIN },
    schema: { tags, summary: '短信网关: its settings (header names only, no secret)', response: { 200: GatewayResponse } },
    handler: async () => channels.gatewayView(),
  });

  app.put('/sms-gateway', {
    config: { access: ADMIN },
    schema: {
      tags,
      summary: 'Set the SMS gateway: log (nothing leaves; demos) or http (URL, method, headers, body template with {mobile} and {text}; signed x-mashang-signature when a secret is set)',
      body: GatewayBody,
      response: { 200: GatewayResponse },
    },
    handler: async (req) => channels.saveGateway(req.auditContext(), req.actor!, req.body),
  });

  app.post('/sms-gateway/test', {
    config: { access: ADMIN },
    schema: { tags, summary: '发送测试短信 to the mobile given, or to the caller’s own', body: SmsTestBody, response: { 200: SmsTestResult } },
    handler: async (req) => channels.testSms(req.auditContext(), req.actor!, req.body.mobile),
  });

  app.get('/me', {
    config: { access: ANY_USER },
    schema: { tags, summary: '通知设置: my channels per kind (policy-locked ones marked), quiet hours, digest, mobile', response: { 200: SettingsResponse } },
    handler: async (req) => channels.settings(req.actor!),
  });

  app.put('/me', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'Save my 通知设置 (the inbox is always on; policy-locked channels stay on whatever is sent)', body: SettingsBody, response: { 200: SettingsResponse } },
    handler: async (req) => channels.saveSettings(req.auditContext(), req.actor!, req.body),
  });
}
