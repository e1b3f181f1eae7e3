/**
 * Domain errors with stable codes. Services throw them; the error handler turns them into
 * { error: { code, message, details } }. Messages are for people: say what was wrong and
 * what would be right.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'VALIDATION', message, details);
export const unauthorized = (message = '请先登录。Please log in.') => new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message: string, details?: unknown) => new AppError(403, 'FORBIDDEN', message, details);
export const notFound = (what: string, id: unknown) =>
  new AppError(404, `${what.toUpperCase()}_NOT_FOUND`, `${what} ${String(id)} does not exist.`, { id });
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const locked = (message: string, details?: unknown) => new AppError(429, 'ACCOUNT_LOCKED', message, details);
export const tooMany = (message: string, details?: unknown) => new AppError(429, 'RATE_LIMITED', message, details);
