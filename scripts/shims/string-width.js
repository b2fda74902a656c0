// Stand-in for string-width in the bundle (see scripts/build.mjs): the real package
// builds an Intl.Segmenter and Unicode-property regexes when it loads and segments
// every string it measures; zcopy's text needs CJK, ANSI and common emoji widths.
export { displayWidth as default } from '../../src/term/text.ts';
