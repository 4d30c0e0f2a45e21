/**
 * `enroll-bench intune …`: the Intune connection headless, on the same data folder as the app.
 *
 *   intune connect --tenant ID --client-id ID [--cloud NAME] [--device-code] [--try-unconfirmed-cloud]
 *   intune connect --token-file FILE
 *   intune status [--json]
 *   intune profiles [--json]
 *   intune pull [--profile ID|NAME] [--json]
 *   intune refresh [--every-days N] [--json]   (the scheduled check: pulls only when due)
 *   intune disconnect
 *   intune push [--since DATE] [--dry-run] [--json]     (issue 25; ./intune-enrollment-command.ts)
 *   intune verify [--log FILE…] [--json]
 *
 * Exit 0 on success, 1 when Intune or the profile check refused (the reason is printed; the current profile
 * stays), 2 for a usage error. `ENROLL_BENCH_GRAPH_URL` points Graph calls at a local fake or Dev Proxy.
 */
import { spawn } from 'node:child_process';
import { defaultDataDir } from '../storage/data-dir';
import { BenchError } from '../errors/bench-error';
import { CLOUD_NAMES, isCloudName } from '../intune/clouds';
import { IntuneService, type IntuneStatus } from '../intune/intune-service';
import { formatProfileSummary } from '../profiles/format-profile-summary';
import { ProfileService } from '../profiles/profile-service';
import { sanitizeText } from '../text/sanitize-text';
import { runEnrollmentCommand } from './intune-enrollment-command';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine } from './terminal-output';

export interface IntuneCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly now?: () => Date;
  /** Builds the service (tests inject a cipher or network client). */
  readonly makeService?: (dataDir: string, profiles: ProfileService) => IntuneService;
  readonly openBrowser?: (url: string) => Promise<void>;
}

const defaultIo: IntuneCommandIo = {
  out: stdoutLine,
  err: stderrLine,
  env: process.env,
};

export const INTUNE_USAGE =
  'usage: enroll-bench intune connect --tenant ID --client-id ID [--cloud NAME] [--device-code] | connect --token-file FILE | status | profiles | pull [--profile ID|NAME] | refresh [--every-days N] | push [--since DATE] [--dry-run] | verify [--log FILE…] | disconnect, [--json]';

/** Opens the system browser with an argv array (the URL carries a PKCE challenge and state, never a token). */
export function systemBrowser(url: string): Promise<void> {
  const command = process.platform === 'darwin' ? 'open' : 'xdg-open';
  return new Promise((resolve, reject) => {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

const when = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/:\d\d\.\d+Z$/, ' UTC')
    .replace('T', ' ');

function formatStatus(s: IntuneStatus): string {
  if (!s.connected)
    return 'Intune: not connected (enroll-bench intune connect …). File import stays available.';
  const rows: [string, string | undefined][] = [
    ['Intune', `connected (${s.mode}${s.cloud && s.cloud !== 'global' ? `, ${s.cloud}` : ''})`],
    ['Account', s.account],
    ['Tenant', s.tenantId],
    ['Client ID', s.clientId],
    ['Token', s.tokenExpiresAt ? `expires ${when(s.tokenExpiresAt)}` : s.tokenProblem],
    ['Sign-in cache', s.protection],
    ['Profile', s.selected ? s.selected.name : 'none picked yet (enroll-bench intune pull --profile …)'],
    [
      'Last pull',
      s.lastPull
        ? `${when(s.lastPull.at)} (${s.lastPull.form}${s.lastPull.unchanged ? ', same file as before' : ''})`
        : undefined,
    ],
    ['Refresh', `every ${s.refreshDays} days${s.nextRefreshAt ? `; next due ${when(s.nextRefreshAt)}` : ''}`],
    [
      'Serial push',
      s.pushSerials ? 'on (prepared serials go to Intune)' : 'off (settings set intune.pushSerials true)',
    ],
  ];
  const lines = rows
    .filter((r): r is [string, string] => r[1] !== undefined)
    .map(([k, v]) => `${`${k}:`.padEnd(15)}${sanitizeText(v, { maxLength: 400 })}`);
  if (s.banner)
    lines.push(
      '',
      `WARNING: ${sanitizeText(s.banner.title, { maxLength: 400 })}. ${sanitizeText(s.banner.detail, { maxLength: 800 })}`,
    );
  return lines.join('\n');
}

export async function runIntuneCommand(
  argv: readonly string[],
  io: IntuneCommandIo = defaultIo,
): Promise<number> {
  const [sub, ...rest] = argv;
  const dataDir = defaultDataDir(io.env);
  const profiles = new ProfileService({ dataDir, ...(io.now ? { now: io.now } : {}) });
  await profiles.restore();
  const service =
    io.makeService?.(dataDir, profiles) ??
    new IntuneService({
      dataDir,
      profiles,
      env: io.env,
      ...(io.now ? { now: () => io.now!().getTime() } : {}),
    });
  const print = (json: boolean | undefined, data: unknown, text: string): void =>
    io.out(json ? JSON.stringify(data, null, 2) : text);
  try {
    switch (sub) {
      case 'connect': {
        const { flags, positional } = parseFlags(rest, {
          tenant: 'string',
          'client-id': 'string',
          cloud: 'string',
          'device-code': 'boolean',
          'token-file': 'string',
          'try-unconfirmed-cloud': 'boolean',
          json: 'boolean',
        });
        if (positional.length) throw new UsageError(INTUNE_USAGE);
        const cloud = flags.cloud ?? 'global';
        if (!isCloudName(cloud)) throw new UsageError(`--cloud must be one of ${CLOUD_NAMES.join(', ')}`);
        if (flags['token-file']) {
          if (flags.tenant || flags['client-id'] || flags['device-code'])
            throw new UsageError('--token-file cannot be combined with a sign-in');
          const check = await service.connectTokenFile(flags['token-file'], cloud);
          if (check.warning) io.err(`enroll-bench: ${check.warning}`);
          print(
            flags.json,
            { connected: true, mode: 'token-file', expiresAt: check.expiresAt },
            `Connected with the token from ${sanitizeText(flags['token-file'])}; it expires ${when(check.expiresAt)}. Connect again with a new token after that.`,
          );
          return 0;
        }
        if (!flags.tenant || !flags['client-id']) throw new UsageError(INTUNE_USAGE);
        if (!flags['device-code']) io.err('Opening the browser to sign in to Microsoft…');
        const signed = await service.connectSignIn({
          tenantId: flags.tenant,
          clientId: flags['client-id'],
          cloud,
          allowUnconfirmedCloud: flags['try-unconfirmed-cloud'] === true,
          ...(flags['device-code']
            ? {
                deviceCode: {
                  show: (m: string) =>
                    io.err(
                      `${sanitizeText(m, { maxLength: 400 })}\n(Many tenants block device-code sign-in; if it fails, connect without --device-code.)`,
                    ),
                },
              }
            : { openBrowser: io.openBrowser ?? systemBrowser }),
        });
        print(
          flags.json,
          { connected: true, mode: 'sign-in', account: signed.username },
          `Signed in to Intune as ${sanitizeText(signed.username)}.`,
        );
        return 0;
      }
      case 'status': {
        const { flags } = parseFlags(rest, { json: 'boolean' });
        const status = await service.status();
        print(flags.json, status, formatStatus(status));
        return 0;
      }
      case 'profiles': {
        const { flags } = parseFlags(rest, { json: 'boolean' });
        const list = await service.listProfiles();
        const text = list.length
          ? list
              .map(
                (p) =>
                  `${p.refusal ? 'NOT USABLE' : 'usable    '}  ${p.name}  [${p.id}]${p.description ? `\n            ${p.description}` : ''}${p.refusal ? `\n            ${p.refusal}` : ''}`,
              )
              .join('\n')
          : 'The tenant has no Apple Configurator profiles.';
        print(flags.json, { profiles: list }, text);
        return 0;
      }
      case 'pull': {
        const { flags, positional } = parseFlags(rest, { profile: 'string', json: 'boolean' });
        if (positional.length) throw new UsageError(INTUNE_USAGE);
        const result = await service.pull(flags.profile);
        print(
          flags.json,
          { pulled: true, form: result.form, unchanged: result.unchanged, profile: result.profile },
          `${formatProfileSummary(result.profile)}\n\nPulled "${result.listing.name}" from Intune (${result.form}${result.unchanged ? '; the same file as before, so its age still counts from the first fetch' : ''}).`,
        );
        return result.profile.verdict === 'ready' || result.profile.verdict === 'ready-with-warnings' ? 0 : 1;
      }
      case 'refresh': {
        const { flags } = parseFlags(rest, { 'every-days': 'string', json: 'boolean' });
        if (flags['every-days'] !== undefined) await service.setRefreshDays(Number(flags['every-days']));
        const outcome = await service.refreshIfDue('command');
        const status = await service.status();
        print(
          flags.json,
          { pulled: outcome.pulled, ...(outcome.error ? { error: outcome.error.info } : {}), status },
          outcome.error
            ? `Refresh failed: ${outcome.error.info.title}. ${outcome.error.info.detail}`
            : outcome.pulled
              ? `Pulled a fresh copy of "${status.selected?.name}".`
              : `Nothing to do${status.nextRefreshAt ? `: next refresh due ${when(status.nextRefreshAt)}` : ' (no profile picked)'}.`,
        );
        return outcome.error ? 1 : 0;
      }
      case 'push':
      case 'verify':
        return await runEnrollmentCommand(sub, rest, dataDir, service, {
          out: io.out,
          err: io.err,
          ...(io.now ? { now: () => io.now!().getTime() } : {}),
        });
      case 'disconnect': {
        parseFlags(rest, {});
        await service.disconnect();
        io.out('Disconnected from Intune; the saved sign-in was deleted. The current profile stays.');
        return 0;
      }
      case undefined:
      default:
        throw new UsageError(INTUNE_USAGE);
    }
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    io.err(`enroll-bench: ${error.info.title}. ${error.info.detail}`);
    return 1;
  }
}
