// The graphemes of a line, for ink's output (@alcalzone/ansi-tokenize splits every line of every
// frame into graphemes). Intl.Segmenter loads ICU's break rules when it is made and is slow per
// line; but in a line of zcopy's text (ASCII, box drawing, arrows, CJK, full-width punctuation)
// every code point is a grapheme of its own. Such a line is split by code point; any other line
// goes to the segmenter, made when first needed.

/**
 * Code points that never join a neighbour into one grapheme (Unicode's UAX #29): none is an
 * extending or spacing mark, a joiner, a prepended mark, a regional indicator or a Hangul jamo.
 * CR is left out (CR LF is one grapheme). __tests__/build.test.ts checks each against the segmenter.
 */
export const SELF_CONTAINED = /^[\t\n\x0b\x0c\x0e-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u23ff\u2460-\u27bf\u27c0-\u2bff\u3000-\u3029\u3030-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff9d\uffa0-\uffef]*$/;

let segmenter;

/** Each grapheme of `text` with its index, as Intl.Segmenter's segments give them. */
export function* graphemes(text) {
  if (SELF_CONTAINED.test(text)) {
    let index = 0;
    for (const segment of text) {
      yield { segment, index };
      index += segment.length;
    }
    return;
  }
  for (const { segment, index } of (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text)) yield { segment, index };
}
