import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PLATFORM_ERRORS } from '../errors.ts';
import { errorBody, noRouteMessage } from './errors.ts';

/**
 * Serves the built web app (web/dist) at `/`: hashed assets cached for a year, index.html never
 * cached, and every other non-API path answered with index.html so the browser's router can take
 * it (a reload on /tasks/42 works). Unknown /api paths keep the JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const index = join(distDir, 'index.html');
  const built = existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes(`${join(distDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.get('/*', { schema: { hide: true }, config: { webAsset: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    // The Open311 API answers its errors as the GeoReport spec's list of { code, description }.
    if (path.startsWith('/open311/')) return reply.status(404).send([{ code: 404, description: `没有这个 Open311 资源：${req.method} ${path} (no Open311 resource ${req.method} ${path}).` }]);
    if (path.startsWith('/api/') || path === '/api' || /\.[a-z0-9]+$/i.test(path)) {
      return reply.status(404).send(errorBody(PLATFORM_ERRORS.NOT_FOUND, noRouteMessage(req.method, path)));
    }
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('网页端尚未构建：请运行 npm run build:web（npm start 会自动构建）。\nThe web app is not built: run `npm run build:web` (npm start does it for you). The API is at /api/docs.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
