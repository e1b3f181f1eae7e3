import { defineErrors, type CodesOf, type SubjectsOf } from '../../platform/errors.ts';

/** The channels module's error codes (VALIDATION, FORBIDDEN are the platform's). */
export const CHANNEL_ERRORS = defineErrors('channels', {
  CHANNEL_ROBOT_NOT_FOUND: { status: 404, subject: 'Robot', name: '群机器人' },
  /** The address is refused by the outbound rules (loopback, private, metadata) or cannot be resolved. */
  CHANNEL_URL_REFUSED: { status: 400 },
  /** A mobile number that is not a mainland China mobile. */
  CHANNEL_BAD_MOBILE: { status: 400 },
  /** No SMS gateway is configured, or no mobile is on file for the test. */
  CHANNEL_SMS_UNAVAILABLE: { status: 409 },
});

type Errors = typeof CHANNEL_ERRORS;
type Codes = CodesOf<Errors>;
type Subjects = SubjectsOf<Errors>;

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Codes {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface NotFoundSubjects extends Subjects {}
}
