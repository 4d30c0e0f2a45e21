/** The world's record of the commands each device took: per device, oldest first, the newest kept when full. */
import { describe, expect, it } from 'vitest';
import { COMMANDS_KEPT_PER_DEVICE, CommandRecord } from '../../../main/sim/command-record';

describe('CommandRecord', () => {
  it('keeps each device’s commands apart, oldest first; a device with none has an empty list', () => {
    const record = new CommandRecord();
    record.note(1n, 'get');
    record.note(2n, 'get');
    record.note(1n, 'erase');
    expect(record.to(1n)).toEqual(['get', 'erase']);
    expect(record.to(2n)).toEqual(['get']);
    expect(record.to(3n)).toEqual([]);
  });

  it('keeps the newest when a device has taken more than it holds, and hands out copies', () => {
    const record = new CommandRecord();
    for (let i = 0; i < COMMANDS_KEPT_PER_DEVICE + 10; i++) record.note(1n, `c${i}`);
    const list = record.to(1n);
    expect(list).toHaveLength(COMMANDS_KEPT_PER_DEVICE);
    expect(list[0]).toBe('c10');
    expect(list.at(-1)).toBe(`c${COMMANDS_KEPT_PER_DEVICE + 9}`);
    (list as string[]).push('tampered');
    expect(record.to(1n)).toHaveLength(COMMANDS_KEPT_PER_DEVICE);
  });
});
