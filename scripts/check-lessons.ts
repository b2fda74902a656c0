// Developer aid: validate lesson files and print what the engine derives from each.
// Build and run: npm run check-lessons -- lessons/*.yaml
// Counters are printed in COUNTER_KEYS order: CPU/DMA/switches/calls/descriptors/interrupts/faults.
import { LessonError, loadLessonFile } from '../src/lessons/index.js';
import { COUNTER_KEYS, countsByPhase, run, type Counters } from '../src/model/index.js';

const brief = (c: Counters) => COUNTER_KEYS.map((k) => c[k]).join('/');

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const lesson = loadLessonFile(file);
    const timeline = run(lesson);
    const end = timeline.at(-1)!;
    const phases = countsByPhase(lesson, timeline);
    console.log(`ok  ${lesson.id} (${lesson.job}, ${lesson.steps.length} steps) total ${brief(end.counts)} setup ${brief(phases.setup)} per transfer ${brief(phases.perTransfer)} syscalls=${end.syscallLog.join(',')}`);
  } catch (error) {
    if (!(error instanceof LessonError)) throw error;
    failed = true;
    console.log(`BAD ${error.message}`);
  }
}
process.exitCode = failed ? 1 : 0;
