import { randomInt } from 'node:crypto';

/** Renders a code as a distorted SVG: jittered, rotated glyphs over noise lines. */
export function renderCaptchaSvg(code: string): string {
  const width = 40 + code.length * 28;
  const height = 60;
  const noise = Array.from({ length: 6 }, () => {
    const [x1, y1, x2, y2] = [randomInt(width), randomInt(height), randomInt(width), randomInt(height)];
    return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#${randomInt(0x666666).toString(16).padStart(6, '0')}" stroke-width="2"/>`;
  });
  const glyphs = [...code].map((character, index) => {
    const x = 22 + index * 28 + randomInt(-4, 5);
    const y = 40 + randomInt(-6, 7);
    return `<text x="${x}" y="${y}" transform="rotate(${randomInt(-25, 26)} ${x} ${y})" font-family="monospace" font-size="32" fill="#1e1e5a">${character}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#f4f4f8"/>${noise.join('')}${glyphs.join('')}</svg>`;
}
