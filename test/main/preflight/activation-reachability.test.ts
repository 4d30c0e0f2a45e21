import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_HOST,
  createActivationReachability,
  macOnlineCheck,
  simulatedReachability,
  type NetworkProbe,
} from '../../../main/preflight/activation-reachability';

// Every probe here is a fake: the tests never resolve a name or open a connection.
function probe(
  resolve: 'ok' | 'fail' | 'hang',
  head: 'ok' | 'fail' | 'hang',
): NetworkProbe & { asked: string[] } {
  const asked: string[] = [];
  const act = (how: 'ok' | 'fail' | 'hang', signal: AbortSignal) =>
    new Promise<void>((ok, fail) => {
      if (how === 'ok') ok();
      else if (how === 'fail') fail(new Error('ENOTFOUND'));
      else signal.addEventListener('abort', () => fail(new Error('aborted')));
    });
  return {
    asked,
    resolve: (host, signal) => (asked.push(host), act(resolve, signal)),
    head: (url, signal) => (asked.push(url), act(head, signal)),
  };
}

const never = new AbortController().signal;

describe('activation reachability', () => {
  it("asks Apple's activation host by name, then over HTTPS", async () => {
    const fake = probe('ok', 'ok');
    expect(await createActivationReachability(fake).check(never)).toBe('reachable');
    expect(fake.asked).toEqual([ACTIVATION_HOST, `https://${ACTIVATION_HOST}/`]);
  });

  it('tells a name that does not resolve from a server that does not answer', async () => {
    expect(await createActivationReachability(probe('fail', 'ok')).check(never)).toBe('no-name');
    expect(await createActivationReachability(probe('ok', 'fail')).check(never)).toBe('no-connection');
  });

  it('gives up after its bound', async () => {
    expect(await createActivationReachability(probe('ok', 'hang'), 20).check(never)).toBe('timed-out');
  });

  it('becomes a problem with a fix when offline, and follows the simulated world', async () => {
    const offline = await macOnlineCheck(createActivationReachability(probe('fail', 'ok')), never);
    expect(offline).toMatchObject({ status: 'problem', fix: expect.stringContaining(ACTIVATION_HOST) });
    let online = false;
    const sim = simulatedReachability(() => online);
    expect((await macOnlineCheck(sim, never)).status).toBe('problem');
    online = true;
    expect((await macOnlineCheck(sim, never)).status).toBe('ok');
  });
});
