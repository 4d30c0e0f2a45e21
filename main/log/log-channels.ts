/**
 * The bench log's part of the contract: queries for the log view and exports as text for the UI to save.
 *
 * One {@link LogIndex} over the journal, refreshed incrementally before each call. The filtered list and its
 * summary are kept for the last filter, so paging through 100,000 records filters and summarises once.
 * Everything that leaves is redacted against the profile's secrets. `announceChanges` tells the UIs when
 * the log changed, so the log view follows without a Refresh.
 */
import path from 'node:path';
import type { LogInvokeChannels } from '../../preload/contract';
import type { ErrorInfo, Result } from '../../preload/domain';
import type { LogPage, LogQuery, LogSummary } from '../../preload/log-domain';
import { JOURNAL_DIR, JOURNAL_PREFIX } from '../journal/journal-entry';
import type { EventHub } from '../events/event-hub';
import { exportRecords } from './export/export-log';
import { readIntuneColumns, withIntune } from './intune-columns';
import type { IndexedRecord } from './indexed-record';
import { LogIndex } from './log-index';
import {
  DEFAULT_PAGE,
  filterRecords,
  listSessions,
  MAX_PAGE,
  summarize,
  type RecordFilter,
} from './log-query';
import { LogLiveFeed, type LogLiveOptions } from './log-live';
import type { SecretSource } from './profile-secrets';
import { redactRecord } from './redact-record';

export interface LogChannelsOptions {
  readonly dataDir: string;
  readonly secrets: SecretSource;
  readonly now?: () => number;
  readonly log?: (message: string, detail?: unknown) => void;
}

interface Filtered {
  readonly key: string;
  readonly source: readonly IndexedRecord[];
  readonly matching: readonly IndexedRecord[];
  readonly summary: LogSummary;
}

function unreadable(): ErrorInfo {
  return {
    code: 'internal',
    title: 'The bench log could not be read',
    detail: 'The journal folder in the data folder could not be read. Check its permissions, then try again.',
    retryable: true,
  };
}

export class LogChannels implements LogInvokeChannels {
  readonly index: LogIndex;
  private filtered: Filtered | undefined;
  private sessionList: { source: readonly IndexedRecord[]; list: LogPage['sessions'] } | undefined;

  constructor(private readonly options: LogChannelsOptions) {
    this.index = new LogIndex(path.join(options.dataDir, JOURNAL_DIR), JOURNAL_PREFIX);
  }

  /** Builds the index in the background, so the first look at the log does not wait for a large journal. */
  warmUp(): void {
    this.index
      .refresh()
      .catch((error: unknown) => this.options.log?.('log: reading the journal failed', error));
  }

  /**
   * Pushes `logChanged` to every UI when jobs ending on this bench reach the log (./log-live.ts). The jobs'
   * recorder says when a job ended (`onJobEnded`, main/app/compose-provisioning.ts); the hub is output only.
   * Returns the function that stops it.
   */
  announceChanges(
    hub: Pick<EventHub, 'emit'>,
    onJobEnded: (listener: () => void) => () => void,
    options: LogLiveOptions = {},
  ): () => void {
    const feed = new LogLiveFeed(this.index, (change) => hub.emit('logChanged', change), {
      ...(this.options.log ? { log: this.options.log } : {}),
      ...options,
    });
    const unsubscribe = onJobEnded(() => feed.jobEnded());
    return () => {
      unsubscribe();
      feed.close();
    };
  }

  // Arrow properties, not methods: compose-handlers spreads the areas into one object, and a spread copies
  // only own properties.
  readonly queryLog = async (query: LogQuery): Promise<Result<LogPage>> => {
    try {
      await this.index.refresh();
      const { matching, summary } = this.filter(query);
      const secrets = await this.options.secrets.secrets();
      const offset = query.offset ?? 0;
      const limit = Math.min(query.limit ?? DEFAULT_PAGE, MAX_PAGE);
      // Issue 25: the page's records with their Intune columns (joined by serial, never stored in them).
      const page = withIntune(
        matching.slice(offset, offset + limit).map((r) => r.record),
        await readIntuneColumns(this.options.dataDir),
      );
      return {
        ok: true,
        value: {
          records: page.map((r) => redactRecord(r, secrets)),
          total: matching.length,
          summary,
          sessions: this.sessions(),
          warnings: this.index.warnings(),
        },
      };
    } catch (error) {
      this.options.log?.('log: query failed', error);
      return { ok: false, error: unreadable() };
    }
  };

  readonly exportLog: LogInvokeChannels['exportLog'] = async (req) => {
    try {
      await this.index.refresh();
      const output = await exportRecords(
        withIntune(
          this.index.records().map((r) => r.record),
          await readIntuneColumns(this.options.dataDir),
        ),
        req,
        { now: (this.options.now ?? Date.now)(), secrets: await this.options.secrets.secrets() },
      );
      return { ok: true, value: { files: output.files } };
    } catch (error) {
      this.options.log?.('log: export failed', error);
      return { ok: false, error: unreadable() };
    }
  };

  private sessions(): LogPage['sessions'] {
    const source = this.index.records();
    if (this.sessionList?.source !== source) this.sessionList = { source, list: listSessions(source) };
    return this.sessionList.list;
  }

  /** The matching records and their summary, reused while neither the filter nor the index changed. */
  private filter(query: LogQuery): Filtered {
    const filter: RecordFilter = {
      search: query.search,
      from: query.from,
      to: query.to,
      outcome: query.outcome,
      sessionId: query.sessionId,
    };
    const key = JSON.stringify(filter);
    const source = this.index.records();
    if (this.filtered?.key === key && this.filtered.source === source) return this.filtered;
    const matching = filterRecords(source, filter);
    this.filtered = { key, source, matching, summary: summarize(matching.map((r) => r.record)) };
    return this.filtered;
  }
}
