import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { type ExportKind, exportRows } from '../db/data-export.ts';
import { EXPORT_COLUMNS, type ExportTable, readableRow } from '../db/export-readable.ts';
import { harvestExportRows } from '../db/harvest-export.ts';
import { importVolunteer } from '../db/volunteer-import.ts';
import { headerField, parseVolunteerRow, type VolunteerRow } from '../domain/volunteer-row.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Locale } from '../i18n/index.ts';

/** The outcome of an import: one line per row, and the counts. */
export interface ImportReport {
  lines: string[];
  created: number;
  unchanged: number;
  rejected: number;
}

/**
 * Volunteers from a CSV file (comma or semicolon, as Dutch spreadsheets write it). Every row gets a
 * line in the report; broken rows are skipped, the others imported, and a second run changes nothing.
 */
export async function importVolunteersCsv(prisma: PrismaClient, text: string): Promise<ImportReport> {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records = parse(text, {
    bom: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const report: ImportReport = { lines: [], created: 0, unchanged: 0, rejected: 0 };
  const [header, ...rows] = records;
  if (!header) return { ...report, lines: ['leeg bestand: geen kopregel'] };
  const fields = header.record.map(headerField);
  const unknown = header.record.filter((_, i) => fields[i] === null);
  if (unknown.length) report.lines.push(`kolommen genegeerd: ${unknown.join(', ')}`);
  for (const need of ['name', 'platform', 'account'] as const) {
    if (!fields.includes(need)) return { ...report, lines: [...report.lines, `kolom "${need}" ontbreekt`] };
  }
  const seen = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const raw: Partial<Record<keyof VolunteerRow, string>> = {};
    fields.forEach((f, i) => {
      if (f) raw[f] = record[i] ?? '';
    });
    const parsed = parseVolunteerRow(raw);
    const errors = parsed.ok ? [] : [...parsed.errors];
    if (record.length !== header.record.length)
      errors.push(`${record.length} kolommen, de kopregel heeft er ${header.record.length}`);
    const key = parsed.ok ? `${parsed.row.platform}/${parsed.row.account}` : null;
    if (key && seen.has(key)) errors.push(`account staat ook op regel ${seen.get(key)}`);
    if (!parsed.ok || errors.length) {
      report.rejected++;
      report.lines.push(`regel ${line}: overgeslagen – ${errors.join('; ')}`);
      continue;
    }
    if (key) seen.set(key, line);
    const outcome = await importVolunteer(prisma, parsed.row);
    if (outcome.kind === 'created') {
      report.created++;
      report.lines.push(`regel ${line}: ${parsed.row.name} toegevoegd`);
    } else {
      report.unchanged++;
      report.lines.push(
        outcome.kind === 'not_volunteer'
          ? `regel ${line}: dit account is al bekend, maar niet als vrijwilliger – niets veranderd`
          : `regel ${line}: al bekend – niets veranderd${
              outcome.differs.length ? ` (anders in het bestand: ${outcome.differs.join(', ')})` : ''
            }`,
      );
    }
  }
  if (report.created) {
    await prisma.auditLog.create({
      data: {
        actorId: null,
        action: 'volunteers.import',
        subjectType: 'import',
        details: { created: report.created, unchanged: report.unchanged, rejected: report.rejected },
      },
    });
  }
  return report;
}

/** `import-volunteers FILE`: prints the report; exit code 1 when a row was rejected. */
export async function runImportVolunteers(prisma: PrismaClient, args: string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    console.error('import-volunteers needs a file: npm run cli -- import-volunteers vrijwilligers.csv');
    return 2;
  }
  const report = await importVolunteersCsv(prisma, await readFile(file, 'utf8'));
  for (const line of report.lines) console.log(line);
  console.log(
    `${report.created} toegevoegd, ${report.unchanged} ongewijzigd, ${report.rejected} overgeslagen`,
  );
  return report.rejected ? 1 : 0;
}

/**
 * Renders rows as JSON (codes as stored, for programs) or as CSV for people: always with the header
 * line (also without rows), codes as words (export-readable.ts), `ja`/`nee` for yes/no answers.
 */
export function renderRows(
  rows: Record<string, unknown>[],
  format: 'csv' | 'json',
  table: ExportTable,
  locale: Locale = 'nl',
): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const columns = rows[0] ? Object.keys(rows[0]) : [...EXPORT_COLUMNS[table]];
  return stringify(
    rows.map((r) => readableRow(table, r, locale)),
    { header: true, columns },
  );
}

/** `export requests|sessions|harvests [--format csv|json] [--out FILE]`. */
export async function runExport(prisma: PrismaClient, args: string[]): Promise<number> {
  const kind = args[0];
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const format = opt('--format') ?? 'csv';
  const kinds = ['requests', 'sessions', 'harvests'];
  if (!kind || !kinds.includes(kind) || (format !== 'csv' && format !== 'json')) {
    console.error('usage: npm run cli -- export requests|sessions|harvests [--format csv|json] [--out FILE]');
    return 2;
  }
  const rows =
    kind === 'harvests' ? await harvestExportRows(prisma) : await exportRows(prisma, kind as ExportKind);
  const text = renderRows(rows, format, kind as ExportTable);
  const out = opt('--out');
  if (out) {
    await writeFile(out, text);
    console.error(`written to ${out}`);
  } else process.stdout.write(text);
  return 0;
}
