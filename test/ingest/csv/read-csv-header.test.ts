import { describe, expect, it } from 'vitest';
import { importCsv, useTempFiles } from './csv-test-files.ts';

const write = useTempFiles();
const TELCO_HEADER =
  'customerID,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,MultipleLines,InternetService,' +
  'OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,StreamingMovies,Contract,PaperlessBilling,' +
  'PaymentMethod,MonthlyCharges,TotalCharges,Churn';

describe('readCsvChanges on a header it cannot use', () => {
  it('names a mapped column missing from the header and lists the columns there are', async () => {
    const path = await write('missing.csv', 'customerID,MonthlyCharges\nc1,10\n');
    const items = await importCsv(path, { map: 'id=customerID,mrr=MonthlyCharge', currency: 'USD' });
    expect(items).toEqual([
      {
        line: 1,
        problem:
          'line 1: column "MonthlyCharge" (for mrr) is not in the header; the header has: customerID, MonthlyCharges',
        reason: 'column "MonthlyCharge" (for mrr) is not in the header; the header has: customerID, MonthlyCharges',
        raw: 'customerID,MonthlyCharges',
        fatal: true,
      },
    ]);
  });

  it('names every missing column of a preset in one problem', async () => {
    const path = await write('not-telco.csv', 'customerID,Churn,MonthlyCharges,TotalCharges\nc1,No,1,1\n');
    const [item] = await importCsv(path, { preset: 'telco' });
    expect(item && 'problem' in item ? item.problem : item).toMatch(
      /^line 1: columns "tenure" \(for tenureMonths\), "Contract" \(for plan\), "Contract" \(for attributes\), /,
    );
  });

  it('says the delimiter looks wrong when a tab-separated header reads as one column', async () => {
    const path = await write('tabs.csv', 'id\tname\tmrr\nacc_1\tAda\t10\n');
    const [item] = await importCsv(path, { currency: 'USD' });
    expect(item && 'problem' in item ? item.problem : item).toBe(
      'line 1: the header has one column only, so the delimiter looks wrong: it is separated by tabs, and winback ' +
        'reads files separated by commas or semicolons',
    );
  });

  it('says so too when --delimiter names the wrong one of comma and semicolon', async () => {
    const path = await write('forced.csv', 'id,mrr\nacc_1,10\n');
    const [item] = await importCsv(path, { currency: 'USD', delimiter: ';' });
    expect(item && 'problem' in item ? item.problem : item).toBe(
      'line 1: the header has one column only, so the delimiter looks wrong: it is separated by commas; ' +
        'pass --delimiter "," or leave --delimiter out',
    );
  });

  it('refuses a mapped column that appears twice in the header', async () => {
    const path = await write('twice.csv', 'id,Name,name\nacc_1,A,B\n');
    const [item] = await importCsv(path);
    expect(item && 'problem' in item ? item.problem : item).toBe(
      'line 1: column "name" appears more than once in the header',
    );
  });

  it('requires a column for id', async () => {
    const path = await write('no-id.csv', 'customer,mrr\nacc_1,10\n');
    const [item] = await importCsv(path, { currency: 'USD' });
    expect(item && 'problem' in item ? item.problem : item).toBe(
      'line 1: no column is mapped to id; add id=<column> to --map (the header has: customer, mrr)',
    );
  });

  it('requires a currency when amounts are mapped', async () => {
    const path = await write('no-currency.csv', 'id,mrr\nacc_1,10\n');
    const [item] = await importCsv(path);
    expect(item && 'problem' in item ? item.problem : item).toBe(
      'line 1: amounts need a currency: map a currency column or pass --currency',
    );
  });

  it('refuses a mapping of both status and churned, and prefers status when both are matched by name', async () => {
    const path = await write('both.csv', 'id,status,churned\nacc_1,active,no\n');
    const [byName] = await importCsv(path);
    expect(byName && 'change' in byName ? byName.change : byName).toMatchObject({ fields: { status: 'active' } });

    const [item] = await importCsv(path, { map: 'churned=churned' });
    expect(item && 'problem' in item ? item.problem : item).toBe(
      'line 1: both status and churned are mapped; map only one of them',
    );
  });

  it('reports an empty file as needing a header', async () => {
    const path = await write('empty.csv', '');
    expect(await importCsv(path)).toEqual([
      {
        line: 1,
        problem: 'line 1: the file is empty; it needs a header row',
        reason: 'the file is empty; it needs a header row',
        raw: '',
        fatal: true,
      },
    ]);
  });

  it('stops at a truncated quote after importing the rows before it', async () => {
    const path = await write('truncated.csv', 'id,name\nacc_1,Ada\nacc_2,"Bob\nacc_3,Cy\n');
    const items = await importCsv(path);
    expect(items.map((item) => ('problem' in item ? item.problem : item.line))).toEqual([
      2,
      'line 3: a quoted field starts here and is never closed',
    ]);
    expect(items.at(-1)).toMatchObject({ fatal: true, raw: 'acc_2,"Bob\nacc_3,Cy' });
  });

  it('rejects a row with the wrong column count and reads on', async () => {
    const path = await write('short-row.csv', 'id,name\nacc_1\nacc_2,B\n');
    const items = await importCsv(path);
    expect(items.map((item) => ('problem' in item ? item.problem : item.line))).toEqual([
      'line 2: the row has 1 column but the header has 2',
      3,
    ]);
  });

  it('lets --map override one column of a preset and keeps the rest of it', async () => {
    const header = TELCO_HEADER.replace('TotalCharges', 'Charges');
    const row = 'c1,Male,0,No,No,3,Yes,No,DSL,No,No,No,No,No,No,One year,No,Mailed check,10.00,30.00,No';
    const path = await write('override.csv', `${header}\n${row}\n`);
    const [item] = await importCsv(path, { preset: 'telco', map: 'totalPaid=Charges' });
    expect(item && 'change' in item ? item.change : item).toMatchObject({
      fields: { totalPaidMinor: 3000, mrrMinor: 1000, tenureMonths: 3, plan: 'One year' },
    });
  });
});
