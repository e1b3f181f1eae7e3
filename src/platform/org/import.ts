import { parse as parseCsv } from 'csv-parse/sync';
import { appendAudit, type AuditContext } from '../audit/audit.ts';
import { RANKS, ROLES, type Rank, type Role } from '../auth/actor.ts';
import type { Db } from '../db/index.ts';
import { AppError, PLATFORM_ERRORS } from '../errors.ts';
import { dateFromText, openWorkbook, sheetTable } from '../xlsx.ts';
import { LEVELS, UNIT_KINDS, type Level, type UnitKind } from './rules.ts';
import { Login, PersonCreateBody, UnitCode, UnitCreateBody } from './schemas.ts';
import type { OrgService } from './service.ts';

/** A table read from a file: its name (sheet or file) and rows of header → cell text. */
interface Table {
  name: string;
  rows: { line: number; cells: Record<string, string> }[];
}

const HEADERS: Record<string, string> = {
  代码: 'code', 单位代码: 'unitCode', 名称: 'name', 单位名称: 'name', 类别: 'kind', 层级: 'level', 上级代码: 'parentCode', 排序: 'sortOrder',
  登录名: 'login', 姓名: 'name', 职级: 'rank', 角色: 'roles', 职务: 'title', 邮箱: 'email', 电话: 'phone', 任职日期: 'rankSince',
};
const KIND_NAMES: Record<string, UnitKind> = { 区划: 'region', 行政区划: 'region', 部门: 'department', 单位: 'department' };
const LEVEL_NAMES: Record<string, Level> = { 省: 'province', 州市: 'prefecture', 市: 'prefecture', 州: 'prefecture', 县: 'county', 区: 'county', 乡镇: 'township', 乡: 'township', 镇: 'township' };
const RANK_NAMES: Record<string, Rank> = { 省级: 'provincial', 厅级: 'department', 县处级: 'county', 乡科级: 'township', 其他: 'other' };
const ROLE_NAMES: Record<string, Role> = { 管理员: 'admin', 督查: 'supervisor', 督查室: 'supervisor', 领导: 'leader', 单位负责人: 'unit_head', 负责人: 'unit_head', 工作人员: 'staff' };

const PERSON_COLUMNS: Record<string, string> = { name: '姓名', title: '职务', email: '邮箱', phone: '电话' };

const normalizeHeader = (h: string) => HEADERS[h.trim()] ?? h.trim();

async function readTables(fileName: string, content: Buffer): Promise<Table[]> {
  if (fileName.toLowerCase().endsWith('.csv')) {
    const records = parseCsv<Record<string, string>>(content.toString('utf8').replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map(normalizeHeader), skip_empty_lines: true, trim: true, relax_column_count: true });
    return [{ name: fileName, rows: records.map((cells, i) => ({ line: i + 2, cells })) }];
  }
  if (!fileName.toLowerCase().endsWith('.xlsx')) throw new AppError(PLATFORM_ERRORS.VALIDATION, 'Org import takes a .xlsx or .csv file.');
  const wb = await openWorkbook(content);
  if (!wb) throw new AppError(PLATFORM_ERRORS.VALIDATION, `${fileName} 不是有效的 XLSX 工作簿 (not a valid .xlsx workbook).`);
  return wb.worksheets.map((ws) => sheetTable(ws, { header: (h) => normalizeHeader(h) || undefined }));
}

export interface ImportReport {
  units: number;
  people: number;
}

/**
 * `mashang import org FILE`: units (代码, 名称, 类别, 层级, 上级代码) and people (登录名, 姓名,
 * 单位代码, 职级, 角色, 职务, 邮箱, 电话, 任职日期), as CSV (one table) or XLSX (sheets 单位 and 人员).
 * Every row is checked first; any error imports nothing and lists every row at fault.
 * Imported people have no password until an admin sets one.
 */
export async function importOrg(db: Db, org: OrgService, ctx: AuditContext, fileName: string, content: Buffer): Promise<ImportReport> {
  const tables = await readTables(fileName, content);
  const errors: string[] = [];
  const units: { where: string; code: string; name: string; kind: UnitKind; level?: Level; parentCode: string; sortOrder: number }[] = [];
  const people: { where: string; login: string; name: string; unitCode: string; rank: Rank; roles: Role[]; title: string | null; email: string | null; phone: string | null; rankSince: string | null }[] = [];

  for (const table of tables) {
    const isPeople = table.rows.some((r) => 'login' in r.cells);
    for (const { line, cells } of table.rows) {
      const where = `${table.name} 第 ${line} 行 (row ${line})`;
      const err = (msg: string) => errors.push(`${where}: ${msg}`);
      if (isPeople) {
        const login = Login.safeParse(cells.login ?? '');
        if (!login.success) err(`登录名 "${cells.login ?? ''}" 无效 (login: lower-case letters, digits, _ . -)`);
        if (!cells.name) err('缺少姓名 (name is empty)');
        if (!cells.unitCode) err('缺少单位代码 (unit code is empty)');
        const rank = RANK_NAMES[cells.rank ?? ''] ?? (RANKS.includes(cells.rank as Rank) ? (cells.rank as Rank) : undefined);
        if (!rank) err(`职级 "${cells.rank ?? ''}" 无效 (rank: 省级/厅级/县处级/乡科级/其他)`);
        // 任职日期 (optional): a date cell or YYYY-MM-DD text.
        const rankSince = cells.rankSince ? dateFromText(cells.rankSince) : null;
        if (cells.rankSince && !rankSince) err(`任职日期 "${cells.rankSince}" 无效 (rankSince: YYYY-MM-DD)`);
        const roles = (cells.roles ?? '').split(/[,，、;\s]+/).filter(Boolean).map((r) => ROLE_NAMES[r] ?? r);
        const badRoles = roles.filter((r) => !(ROLES as string[]).includes(r));
        if (badRoles.length) err(`角色无效 (unknown roles): ${badRoles.join(', ')}`);
        // The rest of the row is checked as the create route checks a body: name, title, e-mail, phone.
        const body = PersonCreateBody.pick({ name: true, title: true, email: true, phone: true }).safeParse({ name: cells.name ?? '', title: cells.title || null, email: cells.email || null, phone: cells.phone || null });
        if (!body.success) for (const i of body.error.issues) err(`${PERSON_COLUMNS[String(i.path[0])] ?? String(i.path[0])} 无效 (${String(i.path[0])}: ${i.message})`);
        if (login.success && rank && cells.name && cells.unitCode && !badRoles.length && body.success && (rankSince || !cells.rankSince)) {
          people.push({ where, login: login.data, name: cells.name, unitCode: cells.unitCode, rank, roles: roles as Role[], title: cells.title || null, email: cells.email || null, phone: cells.phone || null, rankSince });
        }
      } else {
        const code = UnitCode.safeParse(cells.code ?? '');
        if (!code.success) err(`单位代码 "${cells.code ?? ''}" 无效 (code: letters, digits, _ . -)`);
        if (!cells.name) err('缺少名称 (name is empty)');
        const kind = KIND_NAMES[cells.kind ?? ''] ?? (UNIT_KINDS.includes(cells.kind as UnitKind) ? (cells.kind as UnitKind) : undefined);
        if (!kind) err(`类别 "${cells.kind ?? ''}" 无效 (kind: 区划/部门)`);
        const level = cells.level ? (LEVEL_NAMES[cells.level] ?? (LEVELS.includes(cells.level as Level) ? (cells.level as Level) : undefined)) : undefined;
        if (cells.level && !level) err(`层级 "${cells.level}" 无效 (level: 省/州市/县/乡镇)`);
        const sortOrder = cells.sortOrder ? Number(cells.sortOrder) : 0;
        if (!Number.isInteger(sortOrder) || sortOrder < 0) err(`排序 "${cells.sortOrder}" 不是非负整数`);
        const name = UnitCreateBody.shape.name.safeParse(cells.name ?? '');
        if (cells.name && !name.success) err(`名称无效 (name: ${name.error.issues[0]?.message ?? ''})`);
        if (code.success && cells.name && name.success && kind) {
          units.push({ where, code: code.data, name: cells.name, kind, ...(level ? { level } : {}), parentCode: cells.parentCode ?? '', sortOrder });
        }
      }
    }
  }

  const seen = new Map<string, string>();
  for (const u of units) {
    if (seen.has(u.code)) errors.push(`${u.where}: 单位代码 ${u.code} 与 ${seen.get(u.code)} 重复 (duplicate code)`);
    seen.set(u.code, u.where);
  }
  const seenLogins = new Map<string, string>();
  for (const p of people) {
    if (seenLogins.has(p.login)) errors.push(`${p.where}: 登录名 ${p.login} 与 ${seenLogins.get(p.login)} 重复 (duplicate login)`);
    seenLogins.set(p.login, p.where);
  }
  if (units.length + people.length === 0 && errors.length === 0) errors.push('文件中没有数据行 (the file has no rows).');

  const report = await db
    .transaction()
    .execute(async (trx) => {
      const ids = new Map<string, number>();
      const idOf = async (code: string) => ids.get(code) ?? (await org.store.unitByCode(trx, code))?.id;
      // Parents first: repeat passes over the units whose parent is now known.
      let pending = errors.length ? [] : [...units];
      while (pending.length) {
        const next: typeof pending = [];
        for (const u of pending) {
          const parentId = u.parentCode ? await idOf(u.parentCode) : null;
          if (parentId === undefined) {
            next.push(u);
            continue;
          }
          try {
            const unit = await org.createUnit(ctx, null, { parentId, code: u.code, name: u.name, kind: u.kind, level: u.level, sortOrder: u.sortOrder }, trx);
            ids.set(u.code, unit.id);
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            errors.push(`${u.where}: ${e.message}`);
          }
        }
        if (next.length === pending.length) {
          for (const u of next) errors.push(`${u.where}: 上级代码 ${u.parentCode} 不存在 (parent code not found)`);
          break;
        }
        pending = next;
      }
      let created = 0;
      for (const p of errors.length ? [] : people) {
        const unitId = await idOf(p.unitCode);
        if (unitId === undefined) {
          errors.push(`${p.where}: 单位代码 ${p.unitCode} 不存在 (unit code not found)`);
          continue;
        }
        try {
          await org.createPerson(ctx, null, { unitId, name: p.name, login: p.login, title: p.title, rank: p.rank, roles: p.roles, email: p.email, phone: p.phone, rankSince: p.rankSince }, trx);
          created += 1;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          errors.push(`${p.where}: ${e.message}`);
        }
      }
      if (errors.length) throw new ImportError(errors);
      await appendAudit(trx, ctx, { action: 'org.import', objectType: 'file', objectId: fileName.slice(-200), after: { units: ids.size, people: created } });
      return { units: ids.size, people: created };
    });
  org.unitIds.clear();
  return report;
}

/** Thrown when any row is wrong; nothing was imported. */
export class ImportError extends AppError {
  constructor(readonly rowErrors: string[]) {
    super(PLATFORM_ERRORS.IMPORT_INVALID, `导入失败，共 ${rowErrors.length} 处错误，未导入任何数据 (nothing imported):\n${rowErrors.join('\n')}`, { errors: rowErrors });
  }
}
