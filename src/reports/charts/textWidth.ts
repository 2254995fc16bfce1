/** Advance widths of Helvetica's printable ASCII characters, space (32) to tilde (126), in 1/1000 em (Adobe AFM). */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];

/** Width of other characters (−, ×, √, ±, quotes, letters with accents) in 1/1000 em. */
const OTHER = 600;

/**
 * Sans-serif fonts that stand in for Helvetica (DejaVu Sans on most Linux systems) run up to about 12%
 * wider; estimates err on the wide side so that labels never overrun their space.
 */
const FALLBACK_FONT_FACTOR = 1.12;
const BOLD_FACTOR = 1.07;

/**
 * An estimate of the width in pixels of a line of text in Helvetica or a stand-in sans-serif font: the
 * sum of the characters' advance widths times the font size. Vega measures text with a canvas when it has
 * one; in Node it has none and would guess 0.8 em per character, which makes titles and legends far wider
 * than they draw.
 *
 * @example estimateTextWidth("abc", 10) // (556 + 556 + 500) / 1000 * 10 * 1.12 ≈ 18.1
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? HELVETICA[code - 32]! : OTHER;
  }
  return (units / 1000) * fontSize * FALLBACK_FONT_FACTOR * (bold ? BOLD_FACTOR : 1);
}

/** Breaks a text into lines that fit a width (at spaces), for headers and subtitles that must not run into their neighbours or out of the chart. */
export function wrapText(text: string, width: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && estimateTextWidth(`${last} ${word}`, fontSize, bold) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
