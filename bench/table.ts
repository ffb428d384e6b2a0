/** Prints rows as an aligned text table (columns from the first row's keys). */
export function printTable(rows: Record<string, string>[]) {
  if (rows.length === 0) {
    console.log('  (nothing to measure)');
    return;
  }
  const columns = Object.keys(rows[0] as object);
  const width = (column: string) => Math.max(column.length, ...rows.map((row) => (row[column] ?? '').length));
  const widths = columns.map(width);
  const line = (cells: string[]) =>
    `  ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ')}`;
  console.log(line(columns));
  console.log(line(widths.map((w) => '─'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((column) => row[column] ?? '')));
}
