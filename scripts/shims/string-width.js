// Stand-in for string-width inside yargs's help layout (cliui) only: the real
// package builds an Intl.Segmenter and Unicode-property regexes when it loads,
// ~35 ms of every start-up, and help text needs nothing but column widths.
export { displayWidth as default } from '../../src/term/text.ts';
