/**
 * Pictures the demo draws itself, so that it ships no third-party artwork: an emblem in the manner of a
 * coat of arms and a neutral silhouette for the mayor. Both are SVG, rendered by sharp at seed time.
 */

/** The heraldic figure across the shield, for some variety between towns. */
export type Ordinary = 'plain' | 'cross' | 'bend' | 'fess' | 'pale' | 'chief' | 'chevron';

export interface Emblem {
  /** The field's colour and the figure's, as #rrggbb. */
  field: string;
  charge: string;
  ordinary: Ordinary;
  /** One or two letters, in the town's own script. */
  initials: string;
}

const SIZE = 400;
const SHIELD = 'M60 30 H340 V190 C340 290 275 345 200 372 C125 345 60 290 60 190 Z';
const FIGURES: Record<Ordinary, string> = {
  plain: '',
  cross: '<rect x="172" y="0" width="56" height="400"/><rect x="0" y="150" width="400" height="56"/>',
  bend: '<polygon points="20,30 90,30 380,320 380,390"/>',
  fess: '<rect x="0" y="150" width="400" height="70"/>',
  pale: '<rect x="160" y="0" width="80" height="400"/>',
  chief: '<rect x="0" y="0" width="400" height="110"/>',
  chevron: '<polygon points="60,330 200,150 340,330 340,260 200,80 60,260"/>',
};

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A shield in the town's colours with its figure, and the initials on a roundel so they stay legible. */
export function emblemSvg({ field, charge, ordinary, initials }: Emblem): string {
  const fontSize = initials.length > 1 ? 86 : 112;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 400 400">
<defs><clipPath id="s"><path d="${SHIELD}"/></clipPath></defs>
<g clip-path="url(#s)"><rect width="400" height="400" fill="${field}"/><g fill="${charge}">${FIGURES[ordinary]}</g></g>
<circle cx="200" cy="200" r="84" fill="${field}" stroke="${charge}" stroke-width="10"/>
<text x="200" y="200" dy="0.35em" text-anchor="middle" font-family="DejaVu Serif, Liberation Serif, Georgia, serif"
 font-weight="bold" font-size="${fontSize}" fill="${charge}">${escapeXml(initials)}</text>
<path d="${SHIELD}" fill="none" stroke="#1a1a1a" stroke-width="8" stroke-linejoin="round"/>
</svg>`;
}

/** Mixes a colour with white, for a calm background. */
function pale(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return `rgb(${mix(n >> 16)},${mix((n >> 8) & 255)},${mix(n & 255)})`;
}

/** A head and shoulders with no face: a placeholder that says "a person", not "this person". */
export function silhouetteSvg(background: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 400 400">
<rect width="400" height="400" fill="${pale(background, 0.8)}"/>
<g fill="#6b7280"><circle cx="200" cy="155" r="78"/><path d="M60 400 C60 300 120 250 200 250 C280 250 340 300 340 400 Z"/></g>
</svg>`;
}
