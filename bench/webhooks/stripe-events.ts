import { readFile } from 'node:fs/promises';
import path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/stripe/stripe-ruby-mock-webhook-fixtures');

interface Fixture {
  id: string;
  created: number | string;
  data: { object: Record<string, unknown> };
}

/** A captured event as a string with placeholders, so each request is a few replaceAll calls, not a JSON copy. */
async function template(file: string, edit: (object: Record<string, unknown>) => void): Promise<string> {
  const event = JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8')) as Fixture;
  event.id = '__EVENT__';
  event.created = '__CREATED__';
  event.data.object.customer = '__CUSTOMER__';
  edit(event.data.object);
  return JSON.stringify(event).replace('"__CREATED__"', '__CREATED__');
}

/**
 * Returns the body of event number `i`: subscription updates and failed invoices, each with its own event id,
 * over `customers` accounts. Event `i` goes to customer `i mod customers`, so requests in flight together (a
 * few dozen apart) never touch the same account; with an odd count a customer's visits alternate between the
 * two kinds. Its subscription flips between active and past_due, so status changes and their audit entries
 * are part of the load, as in dunning.
 */
export async function loadStripeEvents(runId: string, customers: number): Promise<(i: number) => string> {
  const subscription = await template('customer.subscription.updated.json', (object) => {
    object.status = '__STATUS__';
  });
  const invoice = await template('invoice.payment_failed.json', (object) => {
    object.id = '__INVOICE__';
  });
  const createdBase = Math.floor(Date.now() / 1000) - 86_400;

  return (i) => {
    const visit = Math.floor(i / customers);
    const body = i % 2 === 0 ? subscription : invoice;
    return (
      body
        .replace('__EVENT__', `evt_bench_${runId}_${i}`)
        // Later events carry later times: an older event is ignored as stale, which would skip the work.
        .replace('__CREATED__', String(createdBase + i))
        .replace('__CUSTOMER__', `cus_bench_${i % customers}`)
        .replace('__STATUS__', Math.floor(visit / 2) % 2 === 0 ? 'active' : 'past_due')
        .replace('__INVOICE__', `in_bench_${runId}_${i}`)
    );
  };
}
