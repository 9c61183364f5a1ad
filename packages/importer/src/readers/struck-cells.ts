import type ExcelJS from 'exceljs';

/**
 * A cell whose words are all struck through (the cell's font, or every run of its rich text): how a
 * council marks an action it has dropped while keeping it in view for the record.
 */
export function isStruck(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  if (v && typeof v === 'object' && 'richText' in v) {
    const runs = v.richText.filter((r) => r.text.trim());
    return runs.length > 0 && runs.every((r) => r.font?.strike ?? cell.font?.strike ?? false);
  }
  return cell.font?.strike === true;
}
