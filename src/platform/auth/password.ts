import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

// OWASP's scrypt floor (N=2^17, r=8, p=1) costs 128 MiB a hash; 2^15 keeps a login near 50 ms
// and 32 MiB on a 2-core server while staying far beyond GPU-friendly cost.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

/** scrypt$N$r$p$salt$key, base64url: the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(expected, actual);
}

/** A hash to compare against when the login does not exist, so timing does not reveal logins. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(12).toString('hex')));
}

export interface PasswordRules {
  passwordMinLength: number;
  passwordMinClasses: number;
}

/** Returns what is wrong with a new password, in words for the person choosing it; [] when it is fine. */
export function passwordProblems(password: string, rules: PasswordRules, login?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < rules.passwordMinLength) problems.push(`密码至少 ${rules.passwordMinLength} 位 (at least ${rules.passwordMinLength} characters).`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < rules.passwordMinClasses) {
    problems.push(`密码须包含小写字母、大写字母、数字、符号中的至少 ${rules.passwordMinClasses} 类 (at least ${rules.passwordMinClasses} of: lower case, upper case, digit, symbol).`);
  }
  if (login && password.toLowerCase().includes(login.toLowerCase())) problems.push('密码不能包含登录名 (must not contain the login).');
  return problems;
}
