import { closest } from '../term/suggest.js';
import { GLOSSARY } from '../i18n/glossary.js';
import { TERMS, type Term } from './terms.js';

export { TERMS, type Term } from './terms.js';

const byName = new Map<string, Term>(TERMS.flatMap((t) => [t.id, ...t.aliases].map((n) => [n, t] as const)));

export function findTerm(name: string): Term | undefined {
  return byName.get(name.trim().toLowerCase().replace(/\s+/g, '-'));
}

export function suggestTerm(name: string): string | undefined {
  return closest(name, TERMS.map(({ id, aliases }) => ({ id, aliases, title: Object.values(GLOSSARY).map((words) => words.terms[id].name).join(' ') })));
}
