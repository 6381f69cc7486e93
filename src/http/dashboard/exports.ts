import { renderRows } from '../../cli/import-export.ts';
import { exportRows } from '../../db/data-export.ts';
import { harvestExportRows } from '../../db/harvest-export.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { ExportName } from './pages.ts';

/** One download: the same rows as `npm run cli -- export <kind>`, as CSV or JSON. */
export async function exportFile(
  prisma: PrismaClient,
  kind: ExportName,
  format: 'csv' | 'json',
  now: Date,
): Promise<{ text: string; rows: number; filename: string; contentType: string }> {
  const rows = kind === 'harvests' ? await harvestExportRows(prisma) : await exportRows(prisma, kind);
  return {
    // A byte-order mark so spreadsheet programs read the CSV as UTF-8 (names with accents).
    text: format === 'csv' ? `\uFEFF${renderRows(rows, 'csv', kind)}` : renderRows(rows, 'json', kind),
    rows: rows.length,
    filename: `dialoogbot-${kind}-${now.toISOString().slice(0, 10)}.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
  };
}
