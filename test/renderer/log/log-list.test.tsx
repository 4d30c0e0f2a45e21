/** @vitest-environment jsdom */
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_PROFILE_IDENTIFIER } from '../../../preload/domain';
import { LogList } from '../../../renderer/log/log-list';
import { makeRecord } from '../../main/log/journal-fixtures';

let heightSpy: PropertyDescriptor | undefined;
beforeAll(() => {
  // jsdom has no layout; the list's scroller gets a window's height.
  heightSpy = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});
afterAll(() => {
  if (heightSpy) Object.defineProperty(HTMLElement.prototype, 'clientHeight', heightSpy);
});
afterEach(cleanup);

describe('LogList', () => {
  it('marks a row from the training profile as training, and only that row (issue 21 item 7)', () => {
    const records = [
      makeRecord(2, { serialNumber: 'TRAIN00001', profileIdentifier: TRAINING_PROFILE_IDENTIFIER }),
      makeRecord(1, { serialNumber: 'REAL000001', profileIdentifier: 'com.microsoft.intune.enrollment' }),
    ];
    render(<LogList total={records.length} recordAt={(i) => records[i]} ensure={() => {}} />);
    const row = (serial: string) => screen.getByText(serial).closest('[role="row"]')?.textContent ?? '';
    expect(row('TRAIN00001')).toContain('(training)');
    expect(row('REAL000001')).not.toContain('(training)');
  });
});
