/**
 * The log view's data: the first page and summary for the current filter, then further pages of 500 as the
 * list scrolls to them, so 100,000 records are never fetched or rendered at once. A new filter starts over;
 * answers to an old filter are dropped. A live change of the log (`live`, from the `logChanged` event) reads
 * the pages in view again in place: nothing empties, the filter and the scroll stay, and one re-read runs
 * at a time (events arriving meanwhile make one more).
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
  /** After a live re-read: how many more records match than before (new ones come first). */
  readonly grown?: { readonly id: number; readonly rows: number };
}

/**
 * `revision` changes to read the log again from the start with the same filter (the Refresh button); `live`
 * changes to re-read the pages in view in place (the log changed in main).
 */
export function useLogPages(
  api: Pick<BenchApi, 'queryLog'>,
  filter: LogFilter,
  revision = 0,
  live = 0,
): LogPages {
  // Each answer is tagged with the query it answers, so an old filter's answer never shows under a new one.
  const [first, setFirst] = useState<{ readonly key: string; readonly page: LogPage }>();
  const [error, setError] = useState<{ readonly key: string; readonly info: ErrorInfo }>();
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, readonly LogRecord[]>());
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const inView = useRef({ start: 0, end: 0 });
  /** The total of the first page on screen, to tell how many records a re-read added. */
  const shownTotal = useRef<number>(undefined);
  const rereading = useRef<{ again: boolean }>(undefined);
  const [more, setMore] = useState(0);
  const [grown, setGrown] = useState<{ readonly id: number; readonly rows: number }>();
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
        if (page === 0) {
          shownTotal.current = result.value.total;
          setFirst({ key, page: result.value });
        }
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
    rereading.current = undefined;
    load(0, generation.current);
  }, [load]);

  const reread = useCallback(() => {
    if (rereading.current) {
      rereading.current.again = true;
      return;
    }
    const gen = generation.current;
    const run = { again: false };
    rereading.current = run;
    const { start, end } = inView.current;
    const wanted = [0];
    for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
      if (page > 0) wanted.push(page);
    }
    void Promise.all(
      wanted.map((page) => api.queryLog({ ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE })),
    ).then((results) => {
      if (gen !== generation.current || rereading.current !== run) return;
      rereading.current = undefined;
      // A failed re-read changes nothing on screen: the next change, or Refresh, reads again.
      if (results.every((r) => r.ok)) {
        const answers = results.map((r) => (r.ok ? r.value : undefined));
        const page0 = answers[0];
        if (page0) {
          pages.current = new Map(wanted.map((page, i) => [page, answers[i]?.records ?? []]));
          requested.current = new Set(wanted);
          const rows = page0.total - (shownTotal.current ?? page0.total);
          shownTotal.current = page0.total;
          setFirst({ key, page: page0 });
          setGrown((g) => ({ id: (g?.id ?? 0) + 1, rows }));
          setVersion((v) => v + 1);
        }
      }
      // Changes that came during this re-read: one more for all of them.
      if (run.again) setMore((n) => n + 1);
    });
    // `key` stands for `filter`, as in `load`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  useEffect(() => {
    if (live > 0 || more > 0) reread();
    // Only a new `live` (or one more re-read) re-reads; a new filter loads from the start by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, more]);

  const ensure = useCallback(
    (start: number, end: number) => {
      inView.current = { start, end };
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
    ...(grown ? { grown } : {}),
  };
}
