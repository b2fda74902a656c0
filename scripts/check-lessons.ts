// Developer aid: validate lesson files and print what the engine derives from each.
// Build and run: npm run check-lessons -- lessons/*.yaml
import { LessonError, loadLessonFile } from '../src/lessons/index.js';
import { run } from '../src/model/index.js';

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const lesson = loadLessonFile(file);
    const end = run(lesson).at(-1)!;
    console.log(`ok  ${lesson.id} (${lesson.steps.length} steps) ${JSON.stringify(end.counts)} syscalls=${end.syscallLog.join(',')}`);
  } catch (error) {
    if (!(error instanceof LessonError)) throw error;
    failed = true;
    console.log(`BAD ${error.message}`);
  }
}
process.exitCode = failed ? 1 : 0;
