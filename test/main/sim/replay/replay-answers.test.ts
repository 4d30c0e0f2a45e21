import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../../../../main/record/bundle-format';
import { commandOf } from '../../../../main/record/bundle-format';
import { normalizeArgs, ReplayAnswers } from '../../../../main/sim/replay/replay-answers';

let seq = 0;
function exchange(args: string[], stdout = ''): RecordedExchange {
  seq += 1;
  const { command, ecid } = commandOf(args);
  return {
    seq,
    startedAtMs: seq,
    durationMs: 1,
    args,
    command,
    ...(ecid === undefined ? {} : { ecid }),
    stdout: stdout || `answer ${seq}`,
    stderr: '',
    exitCode: 0,
    signal: null,
    outcome: 'exited',
  };
}

const A = '0x000000000000A';
const dev = (ecid: string, ...rest: string[]) => ['-e', ecid, '--format', 'JSON', ...rest];
const LIST = ['--format', 'JSON', 'list'];

function answerOf(answers: ReplayAnswers, args: string[]): string {
  const a = answers.answer(args);
  return a.kind === 'answer' ? a.exchange.stdout : `MISS ${a.reason}`;
}

describe('ReplayAnswers', () => {
  it('matches files by place, ECIDs by value', () => {
    expect(normalizeArgs(['-e', '0xa', 'install-profile', '/tmp/x.mobileconfig'])).toEqual([
      '-e',
      '0xA',
      'install-profile',
      '<file>',
    ]);
    expect(normalizeArgs(['-C', '<file:cert.der sha256:ab>'])).toEqual(['-C', '<file>']);
  });

  it("answers one device's commands in the recorded order; repeats the last read; passes over reads", () => {
    const answers = new ReplayAnswers([
      exchange(dev(A, 'get', 'bootedState'), 'booting'),
      exchange(dev(A, 'get', 'bootedState'), 'booted'),
      exchange(dev(A, 'get', 'name'), 'name'),
      exchange(dev(A, 'erase'), 'erased'),
      exchange(dev(A, 'get', 'activationState'), 'unactivated'),
    ]);
    expect(answerOf(answers, dev('0xa', 'get', 'bootedState'))).toBe('booting');
    expect(answerOf(answers, dev(A, 'get', 'bootedState'))).toBe('booted');
    expect(answerOf(answers, dev(A, 'get', 'bootedState'))).toBe('booted');
    // `get name` is passed over: reads change nothing on the device.
    expect(answerOf(answers, dev(A, 'erase'))).toBe('erased');
    expect(answerOf(answers, dev(A, 'get', 'activationState'))).toBe('unactivated');
    expect(answers.unanswered()).toEqual([]);
    expect(answers.leftOver()).toBe(0);
  });

  it('has no answer for a change out of order, for an unknown device, or once the recording is used up', () => {
    const answers = new ReplayAnswers([exchange(dev(A, 'erase')), exchange(dev(A, 'prepare', '--skip-all'))]);
    expect(answerOf(answers, dev(A, 'prepare', '--skip-all'))).toMatch(/^MISS .*it did: cfgutil .* erase/);
    expect(answerOf(answers, dev('0xB', 'erase'))).toMatch(/never talked to device 0xB/);
    expect(answerOf(answers, dev(A, 'erase'))).not.toMatch(/MISS/);
    expect(answerOf(answers, dev(A, 'prepare', '--skip-all'))).not.toMatch(/MISS/);
    expect(answerOf(answers, dev(A, 'prepare', '--skip-all'))).toMatch(/used up/);
    expect(answers.unanswered()).toHaveLength(3);
  });

  it('moves `list` on only once the device exchanges recorded before it were asked for', () => {
    const answers = new ReplayAnswers([
      exchange(LIST, 'present'),
      exchange(dev(A, 'erase'), 'erased'),
      exchange(LIST, 'gone'),
      exchange(LIST, 'back'),
    ]);
    expect(answerOf(answers, LIST)).toBe('present');
    expect(answerOf(answers, LIST)).toBe('present');
    expect(answerOf(answers, dev(A, 'erase'))).toBe('erased');
    expect(answerOf(answers, LIST)).toBe('gone');
    expect(answerOf(answers, LIST)).toBe('back');
    expect(answerOf(answers, LIST)).toBe('back');
  });
});
