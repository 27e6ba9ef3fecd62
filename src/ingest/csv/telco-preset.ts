import type { AccountField, CsvPreset } from './csv-fields.ts';

/**
 * IBM's public Telco customer-churn export (WA_Fn-UseC_-Telco-Customer-Churn.csv): one row per customer, a
 * Yes/No churn flag, and monthly and lifetime charges in US dollars.
 */
export const TELCO_PRESET: CsvPreset = {
  name: 'telco',
  kind: 'accounts',
  columns: {
    id: 'customerID',
    mrr: 'MonthlyCharges',
    totalPaid: 'TotalCharges',
    tenureMonths: 'tenure',
    plan: 'Contract',
    churned: 'Churn',
  },
  // What a CS team segments win-back on: contract, billing habits, services, household. Kept as the file
  // writes them (`Yes`, `No internet service`, `0`/`1`) so a segment matches the source. `gender` is left
  // out: a personal trait no win-back play should turn on.
  attributes: [
    'Contract',
    'PaymentMethod',
    'PaperlessBilling',
    'InternetService',
    'PhoneService',
    'MultipleLines',
    'OnlineSecurity',
    'OnlineBackup',
    'DeviceProtection',
    'TechSupport',
    'StreamingTV',
    'StreamingMovies',
    'SeniorCitizen',
    'Partner',
    'Dependents',
  ],
  currency: 'USD',
  // The 11 rows with a blank TotalCharges all have tenure 0: customers not billed yet. They have paid
  // nothing, which is a known 0, not an unknown (null) that would drop them from "paid so far" sums.
  blankValues: { totalPaid: '0' },
};

/** Account fields the Telco export has no column for; the README quotes this list. */
export const TELCO_UNMAPPED: readonly AccountField[] = [
  'name',
  'company',
  'contactName',
  'email',
  'timezone',
  'locale',
  'seats',
  'startedAt',
  'churnedAt',
  'churnReason',
  'churnReasonText',
  'lastPaymentAt',
];
