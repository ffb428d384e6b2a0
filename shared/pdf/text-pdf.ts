/**
 * A dependency-free writer of simple one-page text PDFs (Helvetica, WinAnsi/Latin-1), for the
 * downloadable model documents: pdf-lib would add ~400 KB to the Lambda bundle for two pages of
 * text. Lines are wrapped at a fixed width; headings are bold.
 */
export interface PdfLine {
  text: string;
  bold?: boolean;
  size?: number;
  /** Blank space before the line, in points. */
  spaceBefore?: number;
}

const PAGE = { width: 595, height: 842, margin: 56 };
const WRAP_CHARACTERS = 92;

const escapePdfText = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + word.length + 1 > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  lines.push(current);
  return lines;
}

function contentStream(lines: PdfLine[]): string {
  const operations: string[] = ['BT'];
  let y = PAGE.height - PAGE.margin;
  for (const line of lines) {
    const size = line.size ?? 10;
    y -= line.spaceBefore ?? 0;
    const width = Math.floor((WRAP_CHARACTERS * 10) / size);
    for (const part of wrap(line.text, width)) {
      y -= size * 1.4;
      operations.push(
        `/${line.bold ? 'F2' : 'F1'} ${size} Tf 1 0 0 1 ${PAGE.margin} ${y.toFixed(1)} Tm (${escapePdfText(part)}) Tj`,
      );
    }
  }
  operations.push('ET');
  return operations.join('\n');
}

export function textPdf(title: string, lines: PdfLine[]): Uint8Array {
  const stream = contentStream(lines);
  const font = (name: string) =>
    `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    font('Helvetica'),
    font('Helvetica-Bold'),
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    `<< /Title (${escapePdfText(title)}) /Producer (Portail Segur Numerique) >>`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
