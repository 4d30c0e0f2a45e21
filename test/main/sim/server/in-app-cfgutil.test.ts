/**
 * The simulated cfgutil as the app's own binary runs it: the flag's command line, and one command forwarded to
 * the world with its output and exit status.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { SIM_CFGUTIL_FLAG } from '../../../../main/sim/server/cfgutil-script';
import {
  inAppCfgutilRequest,
  MALFORMED_EXIT_CODE,
  runInAppCfgutil,
} from '../../../../main/sim/server/in-app-cfgutil';
import { startScriptedWorld, type ScriptedWorld } from '../../../fakes/scripted-world';
import { fastWorld } from '../sim-test-kit';

function capture() {
  const stdout = new PassThrough({ encoding: 'utf8' });
  const stderr = new PassThrough({ encoding: 'utf8' });
  const text = { out: '', err: '' };
  stdout.on('data', (chunk: string) => (text.out += chunk));
  stderr.on('data', (chunk: string) => (text.err += chunk));
  return { streams: { stdout, stderr }, text };
}

let scripted: ScriptedWorld | undefined;
afterEach(async () => {
  await scripted?.close();
  scripted = undefined;
});

describe('inAppCfgutilRequest', () => {
  it('is the app (undefined) unless the flag comes first', () => {
    expect(inAppCfgutilRequest([])).toBeUndefined();
    expect(inAppCfgutilRequest(['--simulate'])).toBeUndefined();
    expect(inAppCfgutilRequest(['--simulate', SIM_CFGUTIL_FLAG, '/w.sock', '--'])).toBeUndefined();
  });

  it('takes the socket and everything after -- verbatim, options included', () => {
    expect(
      inAppCfgutilRequest([
        SIM_CFGUTIL_FLAG,
        '/tmp/a b/world.sock',
        '--',
        '--format',
        'JSON',
        '-e',
        'x',
        '--',
      ]),
    ).toEqual({
      kind: 'run',
      socketPath: '/tmp/a b/world.sock',
      args: ['--format', 'JSON', '-e', 'x', '--'],
    });
  });

  it('is still cfgutil, never the app, when the rest is malformed', () => {
    for (const rest of [[], ['/w.sock'], ['relative.sock', '--'], ['/w.sock', 'list']])
      expect(inAppCfgutilRequest([SIM_CFGUTIL_FLAG, ...rest])).toEqual({ kind: 'malformed' });
  });
});

describe('runInAppCfgutil', () => {
  it('runs a command against the simulated world, with its output', async () => {
    const handle = await fastWorld({ devices: 2 });
    const { streams, text } = capture();
    const end = await runInAppCfgutil(
      { kind: 'run', socketPath: handle.socketPath, args: ['--format', 'JSON', 'list'] },
      '/',
      streams,
    );
    expect(end).toEqual({ kind: 'exit', code: 0 });
    expect(JSON.parse(text.out)).toMatchObject({ Type: 'CommandOutput' });
    expect((JSON.parse(text.out) as { Devices: unknown[] }).Devices).toHaveLength(2);
  });

  it('forwards the world’s exit code, stdout, stderr, argv and cwd exactly', async () => {
    scripted = await startScriptedWorld([
      { t: 'out', d: 'one\n' },
      { t: 'err', d: 'two\n' },
      { t: 'exit', code: 42 },
    ]);
    const { streams, text } = capture();
    const end = await runInAppCfgutil(
      { kind: 'run', socketPath: scripted.socketPath, args: ['-e', "it's", 'get', 'name'] },
      '/tmp',
      streams,
    );
    expect(end).toEqual({ kind: 'exit', code: 42 });
    expect(text).toEqual({ out: 'one\n', err: 'two\n' });
    expect(scripted.received).toEqual([{ type: 'run', argv: ['-e', "it's", 'get', 'name'], cwd: '/tmp' }]);
  });

  it('hands back a crash fault’s signal', async () => {
    scripted = await startScriptedWorld([{ t: 'crash', signal: 'SIGSEGV' }]);
    const end = await runInAppCfgutil(
      { kind: 'run', socketPath: scripted.socketPath, args: [] },
      '/',
      capture().streams,
    );
    expect(end).toEqual({ kind: 'crash', signal: 'SIGSEGV' });
  });

  it('exits 1 with a message when the world is not there, or hangs up without an answer', async () => {
    const gone = capture();
    const end = await runInAppCfgutil(
      { kind: 'run', socketPath: '/nonexistent/world.sock', args: [] },
      '/',
      gone.streams,
    );
    expect(end).toEqual({ kind: 'exit', code: 1 });
    expect(gone.text.err).toBe('cfgutil: error: the simulated device world is not reachable (ENOENT)\n');
    scripted = await startScriptedWorld([]);
    const silent = capture();
    expect(
      await runInAppCfgutil({ kind: 'run', socketPath: scripted.socketPath, args: [] }, '/', silent.streams),
    ).toEqual({
      kind: 'exit',
      code: 1,
    });
    expect(silent.text.err).toBe('cfgutil: error: the simulated device world closed the connection\n');
  });

  it('is a usage error (exit 2) when malformed', async () => {
    const { streams, text } = capture();
    expect(await runInAppCfgutil({ kind: 'malformed' }, '/', streams)).toEqual({
      kind: 'exit',
      code: MALFORMED_EXIT_CODE,
    });
    expect(MALFORMED_EXIT_CODE).toBe(2);
    expect(text.err).toContain(SIM_CFGUTIL_FLAG);
  });
});
