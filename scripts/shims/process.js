// Stand-in for `import process from 'node:process'` (chalk, ink and their helpers). Bundled as
// CommonJS, that import becomes a copy of every property of process made at load time, once per
// importing module: for chalk alone, a few milliseconds of every start. The object itself is the same.
export default globalThis.process;
export const cwd = () => globalThis.process.cwd();
export const env = globalThis.process.env;
