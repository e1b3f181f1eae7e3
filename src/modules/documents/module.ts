import { fileURLToPath } from 'node:url';
import { rowExists } from '../../platform/db/index.ts';
import type { MashangModule } from '../../platform/module.ts';
import { seedDemoDocuments } from './demo.ts';
import { documentRoutes } from './routes.ts';
import { DocumentService } from './service.ts';
import { DocumentStore } from './store.ts';
import './errors.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    /** 发文: registry, writing-style check, yearly count, statistics, phrase list. */
    documents: DocumentService;
  }
}

/** 发文: documents, their writing-style check (文风体检) and the yearly count. */
export const documentsModule: MashangModule<'documents'> = {
  name: 'documents',
  prefix: '/api/v1/documents',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  services({ database, clock, policy, org }, { tasks }) {
    // A task may name only a document that exists as its source.
    tasks.setSourceCheck('document', async (db, _actor, id) => ((await rowExists(db, 'document', id)) ? null : `公文 ${id} 不存在 (document not found).`));
    return { documents: new DocumentService(database.db, clock, policy, org, new DocumentStore()) };
  },
  routes: (app, s) => documentRoutes(app, s),
  demo: (s, withClock) => seedDemoDocuments(s, withClock),
};
