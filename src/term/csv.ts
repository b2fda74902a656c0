/** One CSV row: each field quoted where it must be (RFC 4180), an absent one empty. */
export function csvRow(fields: readonly (string | number | null | undefined)[]): string {
  return fields
    .map((v) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}
