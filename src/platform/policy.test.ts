import { describe, expect, it } from 'vitest';
import { defaultPolicy, PolicySchema, resolvePolicy } from './policy.ts';

describe('policy', () => {
  it('has defaults that satisfy its own schema and match DESIGN.md', () => {
    expect(PolicySchema.parse(defaultPolicy)).toEqual(defaultPolicy);
    expect(defaultPolicy.tasks.escalation).toEqual({ remind: 1, urge: 3, supervise: 5, notice: 10, accountability: 20 });
    expect(defaultPolicy.tasks.signWithinWorkdays).toBe(1);
    expect(defaultPolicy.tasks.planWithinDays).toBe(10);
    expect(defaultPolicy.research.fieldDaysPerYear.county).toBe(90);
    expect(defaultPolicy.documents.maxChars).toEqual({ general: 5000, singleTopic: 4000, brief: 500, report: 3000 });
    expect(defaultPolicy.meetings.speechDraftMaxChars).toEqual({ major: 8000, other: 5000 });
    expect(defaultPolicy.meetings).toMatchObject({ mainSpeechMaxMinutes: 60, otherSpeechMaxMinutes: 10, mainSpeechesPerMeeting: 1, ordinaryMeetingMaxMinutes: 240, comprehensiveMeetingsPerYear: 1, mergeWindowDays: 14 });
    expect(defaultPolicy.publicRequests.resolveWorkdays.complaint).toBe(15);
    expect(defaultPolicy.auth.maxFailedLogins).toBe(5);
    expect(defaultPolicy.auth.lockoutMinutes).toBe(15);
  });

  it('merges overrides root first, so the nearer region wins', () => {
    const r = resolvePolicy([{ tasks: { escalation: { remind: 2 } } }, { tasks: { escalation: { remind: 3 }, maxExtensions: 2 } }]);
    expect(r.success && r.data.tasks.escalation).toEqual({ ...defaultPolicy.tasks.escalation, remind: 3 });
    expect(r.success && r.data.tasks.maxExtensions).toBe(2);
    expect(r.success && r.data.auth).toEqual(defaultPolicy.auth);
  });

  it('refuses unknown keys and wrong types with the path of the field', () => {
    const unknown = resolvePolicy([{ tasks: { escalaton: { remind: 2 } } }]);
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.path).toEqual(['tasks']);
    const wrong = resolvePolicy([{ auth: { maxFailedLogins: 'five' } }]);
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['auth', 'maxFailedLogins']);
    expect(resolvePolicy([{ nonsense: {} }]).success).toBe(false);
  });

  it('does not change the defaults when merging', () => {
    resolvePolicy([{ tasks: { maxExtensions: 5 } }]);
    expect(defaultPolicy.tasks.maxExtensions).toBe(1);
  });
});
