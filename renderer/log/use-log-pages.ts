/**
 * The log view's data: the first page and summary for the current filter, then further pages of 500 as the
 * list scrolls to them, so 100,000 records are never fetched or rendered at once. A new filter starts over;
 * answers to an old filter are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import type { ErrorInfo } from '../../preload/domain';
import type { LogPage, LogQuery, LogRecord } from '../../preload/log-domain';

export const PAGE_SIZE = 500;

export type LogFilter = Omit<LogQuery, 'offset' | 'limit'>;

export interface LogPages {
  readonly first?: LogPage;
  readonly error?: ErrorInfo;
  readonly loading: boolean;
  /** The sessions from the latest answer, kept while a new filter loads so the session list never empties. */
  readonly sessions: LogPage['sessions'];
  /** The record at a position of the whole result, when its page has arrived. */
  recordAt(index: number): LogRecord | undefined;
  /** Asks for the pages that hold positions `start`…`end`. */
  ensure(start: number, end: number): void;
}

/** `revision` changes to read the log again with the same filter (the Refresh button). */
export function useLogPages(api: Pick<BenchApi, 'queryLog'>, filter: LogFilter, revision = 0): LogPages {
  // Each answer is tagged with the query it answers, so an old filter's answer never shows under a new one.
  const [first, setFirst] = useState<{ readonly key: string; readonly page: LogPage }>();
  const [error, setError] = useState<{ readonly key: string; readonly info: ErrorInfo }>();
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, readonly LogRecord[]>());
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const key = `${revision}:${JSON.stringify(filter)}`;

  const load = useCallback(
    (page: number, gen: number) => {
      requested.current.add(page);
      void api.queryLog({ ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
        if (gen !== generation.current) return;
        if (!result.ok) {
          requested.current.delete(page);
          setError({ key, info: result.error });
          return;
        }
        pages.current.set(page, result.value.records);
        if (page === 0) setFirst({ key, page: result.value });
        setError(undefined);
        setVersion((v) => v + 1);
      });
    },
    // `key` stands for `filter`: a new object with the same fields is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    requested.current = new Set();
    load(0, generation.current);
  }, [load]);

  const ensure = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
        if (!requested.current.has(page)) load(page, generation.current);
      }
    },
    [load],
  );

  const recordAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [],
  );

  const current = first?.key === key ? first.page : undefined;
  return {
    first: current,
    error: error?.key === key ? error.info : undefined,
    loading: current === undefined,
    sessions: first?.page.sessions ?? [],
    recordAt,
    ensure,
  };
}
