/**
 * Domain errors with stable codes. Services throw them; the error handler turns them into
 * { error: { code, message, details } }. Messages are for people: say what was wrong and
 * what would be right.
 *
 * Every code comes from a catalogue: the platform's below, each module's in its own `errors.ts`
 * (`defineErrors('<module>', { … })`, added to `ErrorCodes` by module augmentation, as a module
 * adds its tables to `Database`). A code is never built from a string at run time, so the
 * catalogue is the complete list of what a client may see.
 */

/** One catalogued error: its stable code, its HTTP status, and for a 404 the name of what is missing. */
export interface ErrorDef<C extends string = string, S extends number = number> {
  readonly code: C;
  readonly status: S;
  /** `notFound(subject, id)` answers this error ("督办事项 5 不存在 (Task 5 does not exist)."). */
  readonly subject?: string;
  /** The subject as users call it, in Chinese (督办事项); "记录" when a catalogue gives none. */
  readonly name?: string;
}

interface ErrorSpec {
  readonly status: number;
  readonly subject?: string;
  readonly name?: string;
}

type Defined<T extends Record<string, ErrorSpec>> = { readonly [K in keyof T & string]: ErrorDef<K, T[K]['status']> & Pick<T[K], 'subject' | 'name'> };

/** Code → status of every catalogue; the catalogues of modules are merged in by augmentation. */
export type CodesOf<T extends Record<string, ErrorDef>> = { [K in keyof T]: T[K]['status'] };
/** Subject → code of the not-found errors of a catalogue, for `notFound('Task', id)`. */
export type SubjectsOf<T extends Record<string, ErrorDef>> = {
  [K in keyof T as T[K] extends { subject: infer S extends string } ? S : never]: K;
};

const SCREAMING_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const catalogue = new Map<string, ErrorDef & { owner: string }>();
const bySubject = new Map<string, ErrorDef & { owner: string }>();

/**
 * A catalogue of error codes, owned by the platform or by one module. Refuses at load time a
 * code that is not SCREAMING_SNAKE, a status outside 4xx/5xx, and a code or subject already
 * owned by another catalogue.
 */
export function defineErrors<const T extends Record<string, ErrorSpec>>(owner: string, specs: T): Defined<T> {
  const out: Record<string, ErrorDef> = {};
  for (const [code, spec] of Object.entries(specs)) {
    if (!SCREAMING_SNAKE.test(code)) throw new Error(`error code ${code} (${owner}) is not SCREAMING_SNAKE`);
    if (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599) throw new Error(`error code ${code} (${owner}) has status ${spec.status}, not 4xx/5xx`);
    const def = Object.freeze({ code, status: spec.status, ...(spec.subject ? { subject: spec.subject } : {}), ...(spec.name ? { name: spec.name } : {}), owner });
    const known = catalogue.get(code);
    // The same catalogue evaluated twice (a test runner re-importing a file) is the same definition.
    if (known && (known.owner !== owner || known.status !== spec.status)) throw new Error(`error code ${code} is defined by ${known.owner} and again by ${owner}`);
    catalogue.set(code, def);
    if (spec.subject) {
      const other = bySubject.get(spec.subject);
      if (other && other.code !== code) throw new Error(`notFound subject ${spec.subject} names both ${other.code} and ${code}`);
      bySubject.set(spec.subject, def);
    }
    out[code] = def;
  }
  return Object.freeze(out) as Defined<T>;
}

/** Every catalogued error loaded in this process (a module's appear once its `errors.ts` is imported). */
export const errorCatalogue = (): readonly (ErrorDef & { owner: string })[] => [...catalogue.values()];

/** The platform's codes: requests, sessions, the org tree, files, and the generic conflicts every module meets. */
export const PLATFORM_ERRORS = defineErrors('platform', {
  // 400: the request is wrong.
  VALIDATION: { status: 400 },
  /** Fastify's own 4xx that have no code of ours. */
  BAD_REQUEST: { status: 400 },
  IMPORT_INVALID: { status: 400 },
  BACKUP_INVALID: { status: 400 },
  // 401: who is asking is unknown.
  UNAUTHENTICATED: { status: 401 },
  INVALID_CREDENTIALS: { status: 401 },
  SESSION_EXPIRED: { status: 401 },
  INVALID_TOKEN: { status: 401 },
  // 403: known, not allowed.
  FORBIDDEN: { status: 403 },
  CSRF_REJECTED: { status: 403 },
  // 404: no route, or no such record.
  NOT_FOUND: { status: 404 },
  UNIT_NOT_FOUND: { status: 404, subject: 'Unit', name: '单位' },
  PERSON_NOT_FOUND: { status: 404, subject: 'Person', name: '人员' },
  TOKEN_NOT_FOUND: { status: 404, subject: 'Token', name: 'API 令牌' },
  NOTIFICATION_NOT_FOUND: { status: 404, subject: 'Notification', name: '通知' },
  WEBHOOK_NOT_FOUND: { status: 404, subject: 'Webhook', name: 'Webhook 推送' },
  // The spelling clients have seen since the calendar shipped (built from "CalendarYear"); kept stable.
  CALENDARYEAR_NOT_FOUND: { status: 404, subject: 'CalendarYear', name: '日历年度' },
  // 409: the request is fine but the state does not allow it.
  /** A state machine refuses the action in the record's current state (every module's lifecycle). */
  INVALID_TRANSITION: { status: 409 },
  /** Optimistic locking: the record changed since the client read it. */
  STALE_VERSION: { status: 409 },
  UNIT_CODE_TAKEN: { status: 409 },
  UNIT_CYCLE: { status: 409 },
  UNIT_NOT_EMPTY: { status: 409 },
  LOGIN_TAKEN: { status: 409 },
  SELF_LOCKOUT: { status: 409 },
  // 413/415: the body.
  PAYLOAD_TOO_LARGE: { status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  // 429: slow down.
  ACCOUNT_LOCKED: { status: 429 },
  RATE_LIMITED: { status: 429 },
  // 500: ours; logged with the request id, details hidden.
  INTERNAL: { status: 500 },
});

/** Every code the app may answer with (code → status). Modules add theirs: see `src/modules/tasks/errors.ts`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged with each module's catalogue
export interface ErrorCodes extends CodesOf<typeof PLATFORM_ERRORS> {}
/** The names `notFound(name, id)` accepts (name → code). Modules add theirs by augmentation. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged with each module's catalogue
export interface NotFoundSubjects extends SubjectsOf<typeof PLATFORM_ERRORS> {}

export type ErrorCode = Extract<keyof ErrorCodes, string>;
export type NotFoundSubject = Extract<keyof NotFoundSubjects, string>;
/** The codes whose status is S, e.g. the 409s `conflict` may throw. */
export type CodeWithStatus<S extends number> = { [K in ErrorCode]: ErrorCodes[K] extends S ? K : never }[ErrorCode];

export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details?: unknown;

  /** `new AppError(PLATFORM_ERRORS.INVALID_TOKEN, message, details)`: code and status from the catalogue. */
  constructor(error: ErrorDef<ErrorCode>, message: string, details?: unknown);
  /** The older form: status and code apart. The code is still one of the catalogue's (a type error otherwise). */
  constructor(status: number, code: ErrorCode, message: string, details?: unknown);
  constructor(a: ErrorDef<ErrorCode> | number, b: string, c?: unknown, d?: unknown) {
    const [status, code, message, details] = typeof a === 'number' ? [a, b as ErrorCode, c as string, d] : [a.status, a.code, b, c];
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

const E = PLATFORM_ERRORS;

export const badRequest = (message: string, details?: unknown) => new AppError(E.VALIDATION, message, details);
export const unauthorized = (message = '请先登录。Please log in.') => new AppError(E.UNAUTHENTICATED, message);
export const forbidden = (message: string, details?: unknown) => new AppError(E.FORBIDDEN, message, details);

/**
 * "<名称> <id> 不存在 (<Subject> <id> does not exist)." with the subject's catalogued 404 code: pass the catalogue
 * entry (`notFound(PLATFORM_ERRORS.UNIT_NOT_FOUND, id)`) or its subject name (`notFound('Unit', id)`,
 * typed to the subjects the catalogues declare; the module's `errors.ts` must be loaded).
 */
export function notFound(what: NotFoundSubject | (ErrorDef<ErrorCode> & { subject: string }), id: unknown): AppError {
  const def = typeof what === 'string' ? bySubject.get(what) : what;
  // Unreachable when the types hold and the module's catalogue is imported; a plain 404 beats a 500.
  if (!def) return new AppError(E.NOT_FOUND, notFoundMessage(undefined, typeof what === 'string' ? what : what.subject, id), { id });
  return new AppError(def as ErrorDef<ErrorCode>, notFoundMessage(def.name, def.subject ?? '', id), { id });
}

/** In Chinese first, as every message (the users read zh-CN), the English in parentheses for the language layer. */
function notFoundMessage(name: string | undefined, subject: string, id: unknown): string {
  return `${name ?? '记录'} ${String(id)} 不存在 (${subject} ${String(id)} does not exist).`;
}

/** 409: the request is valid but the record's state refuses it. */
export const conflict = (code: CodeWithStatus<409> | ErrorDef<CodeWithStatus<409>, 409>, message: string, details?: unknown) =>
  typeof code === 'string' ? new AppError(409, code, message, details) : new AppError(code, message, details);
export const locked = (message: string, details?: unknown) => new AppError(E.ACCOUNT_LOCKED, message, details);
export const tooMany = (message: string, details?: unknown) => new AppError(E.RATE_LIMITED, message, details);
