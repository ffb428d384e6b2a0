import type { ReferencingRecord } from './model.ts';
import { isValidSiret } from './siret.ts';

/**
 * Parser of the ANS list of referenced solutions (CSV, `;` or `,` separated, UTF-8 with or
 * without BOM, quoted fields allowed). Columns are found by their header, accent- and
 * case-insensitively, so a reordered export still imports. Pure: the admin command does the I/O.
 */
const COLUMNS: Record<keyof ReferencingRecord, string[]> = {
  number: ['n° de referencement', 'numero de referencement', 'n° unique de referencement', 'referencement'],
  solutionName: ['nom de la solution', 'solution', 'nom commercial de la solution'],
  couloir: ['couloir'],
  dsrLabel: ['dsr', 'libelle dsr', 'dsr concerne'],
  typeLogiciel: ['type de logiciel', 'type logiciel'],
  vague: ['vague'],
  developerSiret: ["siret de l'operateur developpeur", "siret de l'editeur", 'siret'],
  developerName: [
    "raison sociale de l'operateur developpeur",
    "raison sociale de l'editeur",
    'raison sociale',
  ],
};

const normalise = (header: string) =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`]/g, "'")
    .trim()
    .toLowerCase();

export function parseCsv(text: string): string[][] {
  const content = text.replace(/^\uFEFF/, '');
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < content.length; index++) {
    const character = content[index] as string;
    if (quoted) {
      if (character === '"' && content[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === separator) {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && content[index + 1] === '\n') index++;
      row.push(field);
      if (row.some((value) => value.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += character;
  }
  row.push(field);
  if (row.some((value) => value.trim() !== '')) rows.push(row);
  return rows;
}

export interface ReferencingImport {
  records: ReferencingRecord[];
  /** Line number (1 = header) and reason of each refused line. */
  rejected: { line: number; reason: string }[];
}

export function parseReferencingCsv(text: string): ReferencingImport {
  const [header = [], ...lines] = parseCsv(text);
  const names = header.map(normalise);
  const positions = {} as Record<keyof ReferencingRecord, number>;
  for (const [column, aliases] of Object.entries(COLUMNS) as [keyof ReferencingRecord, string[]][]) {
    const position = names.findIndex((name) => aliases.includes(name));
    if (position < 0) throw new Error(`Colonne manquante dans le fichier : ${aliases[0]}`);
    positions[column] = position;
  }
  const records: ReferencingRecord[] = [];
  const rejected: { line: number; reason: string }[] = [];
  lines.forEach((cells, index) => {
    const record = Object.fromEntries(
      Object.entries(positions).map(([column, position]) => [column, (cells[position] ?? '').trim()]),
    ) as unknown as ReferencingRecord;
    record.developerSiret = record.developerSiret.replace(/\s+/g, '');
    record.couloir = record.couloir.toUpperCase();
    const line = index + 2;
    if (!/^[A-Za-z0-9]{3,20}$/.test(record.number))
      rejected.push({ line, reason: 'N° de référencement invalide' });
    else if (!isValidSiret(record.developerSiret)) rejected.push({ line, reason: 'SIRET invalide' });
    else if (!record.couloir || !record.solutionName)
      rejected.push({ line, reason: 'couloir ou solution manquant' });
    else records.push(record);
  });
  return { records, rejected };
}
