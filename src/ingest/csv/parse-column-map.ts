import { type Checked, type ColumnMap, type CsvKind, FIELDS_BY_KIND } from './csv-fields.ts';

const KIND_NOUN: Record<CsvKind, string> = { accounts: 'an account field', payments: 'a payment field' };

/** Reads `--map id=customerID,mrr=MonthlyCharges`: target field on the left, header column on the right. */
export function parseColumnMap(text: string, kind: CsvKind): Checked<ColumnMap> {
  const fields = FIELDS_BY_KIND[kind];
  const map: ColumnMap = {};
  const errors: string[] = [];
  if (text.trim() === '') return { ok: true, value: map };

  for (const entry of text.split(',').map((part) => part.trim())) {
    if (entry === '') {
      errors.push('--map: an entry between two commas is empty; write field=column pairs separated by commas');
      continue;
    }

    const equals = entry.indexOf('=');
    if (equals < 0) {
      errors.push(`--map: "${entry}" is not a field=column pair`);
      continue;
    }

    const name = entry.slice(0, equals).trim();
    const column = entry.slice(equals + 1).trim();
    // Field names are matched like header columns: `MRR=...` means mrr.
    const field = fields.find((known) => known.toLowerCase() === name.toLowerCase());
    if (!field) errors.push(`--map: "${name}" is not ${KIND_NOUN[kind]}; the fields are: ${fields.join(', ')}`);
    else if (column === '') errors.push(`--map: "${entry}" has an empty column name`);
    else if (map[field] !== undefined) errors.push(`--map: ${field} is mapped twice`);
    else map[field] = column;
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: map };
}
