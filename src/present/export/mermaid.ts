import { EXPORT } from '../../i18n/export.js';
import { MACHINE } from '../../i18n/machine.js';
import { PUNCTUATION } from '../../i18n/punctuation.js';
import { SCALE } from '../../i18n/strings.js';
import { COUNTER_KEYS, type Counters, type Location } from '../../model/index.js';
import { formatBytes, grouped } from '../../term/bytes.js';
import { explain, type Explanation } from '../explain.js';
import type { ExportInput } from './index.js';

/* `zcopy export --format mermaid`: the lesson's steps as a sequence diagram, one message a step. */

/** The participants, left to right, as the data flows: the program asks, the kernel programs the DMA, which moves between disk and NIC. */
const PARTICIPANTS = ['program', 'kernel', 'dma', 'disk', 'nic'] as const;
type Participant = (typeof PARTICIPANTS)[number];

const ID: Record<Participant, string> = { program: 'Program', kernel: 'Kernel', dma: 'DMA', disk: 'Disk', nic: 'NIC' };

/** Who holds each place: the program its buffer, the kernel its memory, each device its own. */
const HOLDER: Record<Location, Participant> = { user: 'program', pageCache: 'kernel', socket: 'kernel', pipe: 'kernel', fbuf: 'kernel', disk: 'disk', ctrl: 'disk', nic: 'nic' };

type Step = Explanation['steps'][number];

/** Who sends a step's message, and who receives it. */
export function endsOf(s: Step): [Participant, Participant] {
  const from: Participant = s.actor === 'cpu' ? ((s.modeBefore ?? s.mode) === 'user' ? 'program' : 'kernel') : s.actor;
  switch (s.event.type) {
    case 'syscall':
    case 'raiseInterrupt':
      return [from, 'kernel'];
    case 'sysret':
      return [from, 'program'];
    case 'programDma':
      return [from, 'dma'];
  }
  // What moves bytes is drawn from where they are to where they go, whoever moves them (the words say who).
  return s.transfer ? [HOLDER[s.transfer.from], HOLDER[s.transfer.to]] : [from, from];
}

/**
 * Text mermaid takes as it is: `;` ends a statement and `#` starts an entity
 * in its grammar, and `<` `>` would be read as markup, so each is written as
 * mermaid's own entity code; a line break would end the message.
 */
export function mermaidText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[#;<>]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** The counts as the note's lines: each counter and its value. */
function countLines(counts: Counters, lang: ExportInput['lang']): string[] {
  return COUNTER_KEYS.map((k) => `${MACHINE[lang].counter[k]}${PUNCTUATION[lang].colon}${grouped(counts[k])}`);
}

export function mermaid({ lesson, lang, scale, step }: ExportInput): string {
  const x = explain(lesson, lang, scale);
  return mermaidOf(x, lang, step);
}

/** The diagram of an explanation; the handout draws the same one. */
export function mermaidOf(x: Explanation, lang: ExportInput['lang'], step: number | null): string {
  const W = EXPORT[lang].mermaid;
  const steps = step === null ? x.steps : x.steps.slice(0, step);
  const ends = steps.map(endsOf);
  const used = new Set<Participant>(['program', 'kernel', ...ends.flat()]);
  const shown = PARTICIPANTS.filter((p) => used.has(p));
  const title = step === null ? `${x.id}: ${x.title}` : `${x.id}: ${x.title} (${EXPORT[lang].svg.stepOf(step, x.steps.length)})`;
  const lines = ['sequenceDiagram', `    title ${mermaidText(title)}`, '    autonumber'];
  for (const p of shown) lines.push(`    participant ${ID[p]} as ${mermaidText(W[p])}`);
  steps.forEach((s, i) => {
    const [from, to] = ends[i];
    // A return is the answer to a call: drawn dotted, as sequence diagrams draw replies.
    const arrow = s.event.type === 'sysret' ? '-->>' : '->>';
    lines.push(`    ${ID[from]}${arrow}${ID[to]}: ${mermaidText(s.does)}`);
  });
  const counts = step === null ? x.counts : x.steps[step - 1].counts;
  const heading = step === null && x.chunks !== undefined ? [SCALE[lang].heading(formatBytes(x.size!), formatBytes(x.chunk!), x.chunks)] : [];
  const note = [...heading, ...countLines(counts, lang)].map(mermaidText).join('<br/>');
  lines.push(`    Note over ${ID[shown[0]]},${ID[shown.at(-1)!]}: ${note}`);
  return lines.join('\n') + '\n';
}
