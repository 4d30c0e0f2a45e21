/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BenchApi } from '../../../preload/contract';
import type { LogPage, LogQuery, LogRecord } from '../../../preload/log-domain';
import { LogView } from '../../../renderer/log/log-view';
import { makeRecord } from '../../main/log/journal-fixtures';

const RECORDS: LogRecord[] = Array.from({ length: 100_000 }, (_, i) =>
  makeRecord(100_000 - i, {
    outcome: i % 10 === 0 ? 'failed' : 'succeeded',
    sessionId: i < 50 ? 's-new' : 's-old',
  }),
);

function fakeApi(records: readonly LogRecord[] = RECORDS) {
  const queryLog = vi.fn(async (query: LogQuery) => {
    const matching = records.filter(
      (r) =>
        (!query.search || (r.serialNumber ?? '').toLowerCase().includes(query.search.toLowerCase())) &&
        (!query.outcome || query.outcome === 'all' || r.outcome === query.outcome) &&
        (!query.sessionId || r.sessionId === query.sessionId),
    );
    const offset = query.offset ?? 0;
    const page: LogPage = {
      records: matching.slice(offset, offset + (query.limit ?? 100)),
      total: matching.length,
      summary: {
        devices: 95_000,
        prepared: 90_000,
        failed: 5_000,
        skipped: 0,
        cancelled: 0,
        attempts: 100_000,
        failedAttempts: 10_000,
        retriedThenSucceeded: 4_000,
        medianDurationMs: 372_000,
        devicesPerHour: 41.6,
      },
      sessions: [
        { sessionId: 's-new', startedAt: Date.parse('2026-03-03T08:00:00') },
        { sessionId: 's-old', startedAt: Date.parse('2026-03-02T08:00:00') },
      ],
      warnings: ['jobs-000003.jsonl: the last line was cut off (a crash while writing) and was skipped.'],
    };
    return { ok: true as const, value: page };
  });
  const exportLog = vi.fn(async (_req: Parameters<BenchApi['exportLog']>[0]) => ({
    ok: true as const,
    value: { files: [{ fileName: 'intune-devices-2026-03-03.csv', text: 'F7TLWCLB0001,iPad\r\n' }] },
  }));
  const listeners = new Set<(payload: unknown) => void>();
  const on = vi.fn((channel: string, listener: (payload: unknown) => void) => {
    if (channel === 'logChanged') listeners.add(listener);
    return () => listeners.delete(listener);
  }) as unknown as BenchApi['on'];
  /** What main pushes when jobs ended and their records are in the log. */
  const logChanged = (revision: number) =>
    act(async () => {
      for (const listener of listeners) listener({ seq: revision, revision, records: records.length });
    });
  return { queryLog, exportLog, on, logChanged, listening: () => listeners.size };
}

let heightSpy: PropertyDescriptor | undefined;
beforeAll(() => {
  // jsdom has no layout; the list's scroller gets the height a 1280×800 window gives it.
  heightSpy = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});
afterAll(() => {
  if (heightSpy) Object.defineProperty(HTMLElement.prototype, 'clientHeight', heightSpy);
});
afterEach(cleanup);

/** Scrolls the virtual list so that row `row` (44 px each) is at the top; gives the scroller. */
async function scrollToRow(row: number): Promise<HTMLElement> {
  const scroller = screen.getByLabelText('Records, newest first');
  await act(async () => {
    scroller.scrollTop = 44 * row;
    fireEvent.scroll(scroller);
  });
  return scroller;
}

describe('LogView', () => {
  it('shows the summary and only the rows in view out of 100,000 records', async () => {
    const api = fakeApi();
    render(<LogView api={api} download={() => {}} />);
    await screen.findByText(RECORDS[0]?.serialNumber ?? '');
    const summary = screen.getByRole('group', { name: 'Export' }).closest('section');
    expect(summary?.textContent).toContain('Median time per device6 min 12 s');
    expect(screen.getByText('Devices per hour').nextSibling?.textContent).toBe('42');
    // Devices, not attempts: the attempts that failed and were then retried are told apart.
    const dl = within(screen.getByLabelText('Summary'));
    const value = (label: string) => dl.getByText(label).nextSibling?.textContent;
    expect(value('Prepared devices')).toBe('90,000');
    expect(value('Failed devices')).toBe('5,000');
    expect(value('Failed attempts')).toBe('10,000');
    expect(value('Retried, then succeeded')).toBe('4,000');
    expect(screen.getByRole('table', { name: 'Bench log' }).getAttribute('aria-rowcount')).toBe('100001');
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByText(/last line was cut off/)).toBeTruthy();
    expect(api.queryLog).toHaveBeenCalledTimes(1);
    expect(api.queryLog).toHaveBeenCalledWith({ outcome: 'all', offset: 0, limit: 500 });
  });

  it('asks for the page it scrolls to, and shows its records', async () => {
    const api = fakeApi();
    render(<LogView api={api} download={() => {}} />);
    await screen.findByText(RECORDS[0]?.serialNumber ?? '');
    await scrollToRow(70_000);
    await waitFor(() =>
      expect(api.queryLog).toHaveBeenCalledWith({ outcome: 'all', offset: 70_000, limit: 500 }),
    );
    expect(await screen.findByText(RECORDS[70_005]?.serialNumber ?? '')).toBeTruthy();
  });

  it('searches after typing stops, and filters by outcome and session', async () => {
    const api = fakeApi();
    render(<LogView api={api} download={() => {}} />);
    await screen.findByText(RECORDS[0]?.serialNumber ?? '');
    fireEvent.change(screen.getByLabelText('Serial or name'), { target: { value: 'F7TLWCLB9999' } });
    await waitFor(() =>
      expect(api.queryLog).toHaveBeenLastCalledWith({
        search: 'F7TLWCLB9999',
        outcome: 'all',
        offset: 0,
        limit: 500,
      }),
    );
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'failed' } });
    fireEvent.change(screen.getByLabelText('Session'), { target: { value: 's-new' } });
    await waitFor(() =>
      expect(api.queryLog).toHaveBeenLastCalledWith({
        search: 'F7TLWCLB9999',
        sessionId: 's-new',
        outcome: 'failed',
        offset: 0,
        limit: 500,
      }),
    );
    // F7TLWCLB99990 is the one failed device of the new session whose serial holds the search.
    expect(await screen.findByText('F7TLWCLB99990')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Serial or name'), { target: { value: 'NOPE' } });
    expect(await screen.findByText('No records match these filters.')).toBeTruthy();
  });

  it('exports with the date and outcome filters and downloads the files main returns', async () => {
    const api = fakeApi();
    const download = vi.fn();
    render(<LogView api={api} download={download} />);
    await screen.findByText(RECORDS[0]?.serialNumber ?? '');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export Intune file' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(api.exportLog).toHaveBeenCalledWith({
      format: 'intune',
      from: new Date(2026, 2, 2).getTime(),
      outcome: 'succeeded',
    });
    expect(download.mock.calls[0]?.[0]).toEqual([
      { fileName: 'intune-devices-2026-03-03.csv', text: 'F7TLWCLB0001,iPad\r\n' },
    ]);
    expect(screen.getByRole('status').textContent).toBe('Saved intune-devices-2026-03-03.csv.');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(api.exportLog).toHaveBeenLastCalledWith({
        format: 'csv',
        from: new Date(2026, 2, 2).getTime(),
        outcome: 'all',
      }),
    );
  });

  it('exports with the search and session the list shows', async () => {
    const api = fakeApi();
    render(<LogView api={api} download={() => {}} />);
    await screen.findByText(RECORDS[0]?.serialNumber ?? '');
    fireEvent.change(screen.getByLabelText('Serial or name'), { target: { value: ' F7TLWCLB9999 ' } });
    fireEvent.change(screen.getByLabelText('Session'), { target: { value: 's-new' } });
    await waitFor(() =>
      expect(api.queryLog).toHaveBeenLastCalledWith(expect.objectContaining({ search: 'F7TLWCLB9999' })),
    );
    await screen.findByText('F7TLWCLB99990');
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() =>
      expect(api.exportLog).toHaveBeenCalledWith({
        format: 'json',
        search: 'F7TLWCLB9999',
        sessionId: 's-new',
        outcome: 'all',
      }),
    );
  });

  it('shows a job that just ended when main says the log changed, without Refresh', async () => {
    const records = RECORDS.slice(0, 20);
    const api = fakeApi(records);
    const view = render(<LogView api={api} download={() => {}} />);
    await screen.findByText(RECORDS[0]?.serialNumber ?? '');
    expect(screen.getByText('20')).toBeTruthy();
    records.unshift(makeRecord(100_001, { serialNumber: 'JUSTENDED01' }));
    await api.logChanged(1);
    expect(await screen.findByText('JUSTENDED01')).toBeTruthy();
    expect(api.queryLog).toHaveBeenCalledTimes(2);
    expect(api.queryLog).toHaveBeenLastCalledWith({ outcome: 'all', offset: 0, limit: 500 });
    expect(screen.getByRole('table', { name: 'Bench log' }).getAttribute('aria-rowcount')).toBe('22');
    view.unmount();
    expect(api.listening()).toBe(0);
  });

  it('keeps the search and filters when the log changes', async () => {
    const records = [...RECORDS];
    const api = fakeApi(records);
    render(<LogView api={api} download={() => {}} />);
    await screen.findByText(RECORDS[0]?.serialNumber ?? '');
    fireEvent.change(screen.getByLabelText('Serial or name'), { target: { value: 'F7TLWCLB9999' } });
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'failed' } });
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(screen.getByText('F7TLWCLB99990')).toBeTruthy();
    records.unshift(makeRecord(100_002, { serialNumber: 'F7TLWCLB99999X', outcome: 'failed' }));
    const calls = api.queryLog.mock.calls.length;
    await api.logChanged(1);
    expect(await screen.findByText('F7TLWCLB99999X')).toBeTruthy();
    expect(api.queryLog.mock.calls.slice(calls)).toEqual([
      [{ search: 'F7TLWCLB9999', outcome: 'failed', offset: 0, limit: 500 }],
    ]);
    expect((screen.getByLabelText('Serial or name') as HTMLInputElement).value).toBe('F7TLWCLB9999');
    expect((screen.getByLabelText('Outcome') as HTMLSelectElement).value).toBe('failed');
  });

  it('keeps the rows in view where they are when records arrive above them', async () => {
    const records = [...RECORDS];
    const api = fakeApi(records);
    render(<LogView api={api} download={() => {}} />);
    await screen.findByText(RECORDS[0]?.serialNumber ?? '');
    const scroller = await scrollToRow(70_000);
    const reading = RECORDS[70_005]?.serialNumber ?? '';
    const row = await screen.findByText(reading);
    const rowIndex = row.closest('[role="row"]')?.getAttribute('aria-rowindex');
    records.unshift(...[1, 2, 3].map((i) => makeRecord(200_000 + i, { serialNumber: `NEW${i}` })));
    await api.logChanged(1);
    // The page in view is read again, with the first page; nothing is read from the start over.
    await waitFor(() =>
      expect(api.queryLog).toHaveBeenLastCalledWith({ outcome: 'all', offset: 70_000, limit: 500 }),
    );
    await waitFor(() => expect(scroller.scrollTop).toBe(44 * 70_003));
    await act(async () => void fireEvent.scroll(scroller));
    const moved = await screen.findByText(reading);
    expect(Number(moved.closest('[role="row"]')?.getAttribute('aria-rowindex'))).toBe(Number(rowIndex) + 3);
  });

  it('says why an export failed', async () => {
    const api = fakeApi();
    api.exportLog.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'internal',
        title: 'The bench log could not be read',
        detail: 'Check its permissions.',
        retryable: true,
      },
    } as never);
    render(<LogView api={api} download={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'The bench log could not be read. Check its permissions.',
      ),
    );
  });
});
