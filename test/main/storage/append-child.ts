/**
 * A writer process for the crash and two-writer tests: appends `count` records through the real appender and
 * prints `ack <seq>` after each one is durable, so the parent knows which records were promised.
 *
 * argv: dir prefix writerId count padBytes rotateBytes
 */
import { openJsonlAppender } from '../../../main/storage/jsonl-files';

const [dir = '', prefix = '', writer = '', count = '0', pad = '0', rotate = '0'] = process.argv.slice(2);

const appender = await openJsonlAppender({ dir, prefix, rotateBytes: Number(rotate) });
const padding = 'x'.repeat(Number(pad));
for (let seq = 0; seq < Number(count); seq++) {
  await appender.append({ writer, seq, padding });
  process.stdout.write(`ack ${seq}\n`);
}
await appender.close();
