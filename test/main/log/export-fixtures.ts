/** Records whose texts exercise CSV quoting and formula neutralising, for the golden files. */
import type { LogRecord } from '../../../preload/log-domain';
import { makeRecord } from './journal-fixtures';

export const EXPORT_NOW = Date.parse('2026-03-02T18:00:00Z');

export const trickyRecords: readonly LogRecord[] = [
  makeRecord(0, { finalName: 'Plain name' }),
  makeRecord(1, { finalName: 'Smith, "Ann" iPad', organization: 'Contoso, Inc.' }),
  makeRecord(2, { finalName: '=HYPERLINK("http://x.example","click")' }),
  makeRecord(3, { finalName: '+1 555 0100', organization: '@admins' }),
  makeRecord(4, {
    outcome: 'failed',
    finalName: '-CART-04',
    errorCode: 'trust-pending',
    errorMessage: '-402653034 Trust this computer?',
    overrides: ['expired profile used: "exam week"', 'retry 1'],
  }),
  makeRecord(5, { finalName: '\tTabbed', portLabel: '\rReturn' }),
  makeRecord(6, { finalName: 'Élève 7 — iPad', serialNumber: undefined }),
];
