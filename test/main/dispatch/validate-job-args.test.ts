import { describe, expect, it } from 'vitest';
import { jobArgValidators } from '../../../main/dispatch/validate-job-args';

describe('jobAction arguments', () => {
  const validate = (req: unknown) => jobArgValidators.jobAction?.([req]);

  it('keeps seen (the phase the action was chosen for) when it is a phase, and drops nothing else it knows', () => {
    expect(validate({ ecid: '0x1A2B', action: 'start-now', seen: 'countdown' })).toEqual([
      { ecid: '0x1A2B', action: 'start-now', seen: 'countdown' },
    ]);
    expect(
      validate({
        ecid: '0x1A2B',
        action: 'continue',
        answers: 'approve-profile',
        seen: 'waiting-for-operator',
      }),
    ).toEqual([
      { ecid: '0x1A2B', action: 'continue', answers: 'approve-profile', seen: 'waiting-for-operator' },
    ]);
    expect(validate({ ecid: '0x1A2B', action: 'retry' })).toEqual([{ ecid: '0x1A2B', action: 'retry' }]);
  });

  it('refuses a seen that is no phase, and answers with any action but continue, naming the field', () => {
    expect(() => validate({ ecid: '0x1A2B', action: 'skip', seen: 'sleeping' })).toThrow(
      /seen must be one of/,
    );
    expect(() => validate({ ecid: '0x1A2B', action: 'skip', seen: 3 })).toThrow(/seen must be one of/);
    expect(() => validate({ ecid: '0x1A2B', action: 'skip', answers: 'tap-trust' })).toThrow(
      /answers goes with/,
    );
  });
});
