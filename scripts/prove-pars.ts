// Developer aid: prove each shipped level's par and print what the search found.
// Build and run: npm run prove-pars [-- level-id] (HORIZON=n looks n steps past each reference, BOUND=n caps the states).
// A level's `zcopy validate` proof is the same search with no extra horizon (challenges/FORMAT.md, "Par").
import { join } from 'node:path';
import { PAR_MAX_EXPANDED, challengesDir, loadLevels, pathText, searchPar } from '../src/challenge/index.js';
import { syscallNames } from '../src/app/workbench.js';
import { loadCatalog } from '../src/lessons/index.js';

const lessonsDir = join(import.meta.dirname, '..', '..', 'lessons');
const levels = loadLevels(challengesDir(lessonsDir), loadCatalog(lessonsDir).lessons.map((l) => l.id));
const only = process.argv[2];
let total = 0;
for (const level of levels.levels.filter((l) => !only || l.id === only)) {
  const started = performance.now();
  const bound = { maxSteps: level.par.steps + Number(process.env.HORIZON ?? 0), maxExpanded: Number(process.env.BOUND ?? PAR_MAX_EXPANDED) };
  const found = searchPar(level, syscallNames(), bound);
  const ms = performance.now() - started;
  total += ms;
  const best = found.kind === 'proved' ? found : null;
  const said = best ? `${best.par.modeSwitches}/${best.par.steps}` : '-';
  console.log(`${level.id.padEnd(18)} par ${level.par.modeSwitches}/${level.par.steps}  ${found.kind} ${said}  ${found.expanded} states  ${ms.toFixed(0)} ms`);
  if (best) console.log(`   ${pathText(best.path)}`);
}
console.log(`total ${total.toFixed(0)} ms`);
