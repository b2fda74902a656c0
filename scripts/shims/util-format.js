// Stand-in for util.format in y18n and yargs-parser, which fill yargs' messages ("%s is required").
// Node's format loads and warms up util.inspect on its first call: milliseconds of every start,
// for messages whose arguments are strings and numbers. The same substitutions, without it.

/** %s, %d and %i take the next argument, %j its JSON, %% is a percent sign; arguments left over follow, space-separated, as util.format puts them. */
export function format(template, ...args) {
  if (typeof template !== 'string') return [template, ...args].map(String).join(' ');
  let next = 0;
  const filled = template.replace(/%([sdijf%])/g, (whole, kind) => {
    if (kind === '%') return '%';
    if (next >= args.length) return whole;
    const arg = args[next++];
    if (kind === 'j') return JSON.stringify(arg);
    if (kind === 'd' || kind === 'i' || kind === 'f') return String(kind === 'i' ? Math.trunc(Number(arg)) : Number(arg));
    return String(arg);
  });
  return [filled, ...args.slice(next).map(String)].join(' ');
}
